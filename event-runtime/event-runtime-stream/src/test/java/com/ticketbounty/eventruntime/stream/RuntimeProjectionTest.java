package com.ticketbounty.eventruntime.stream;

import com.ticketbounty.testsupport.TestDatabase;
import com.ticketbounty.testsupport.TestRabbit;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The projection contract with event-runtime's own consumer taking the queues. */
@SpringBootTest(classes = ProjectionContract.App.class)
class RuntimeProjectionTest extends ProjectionContract {
  private static final String SERVICE = "projections-runtime";
  private static final TestDatabase DATABASE = TestDatabase.create("projections_runtime");
  private static final TestRabbit RABBIT = new TestRabbit();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    register(registry, SERVICE, DATABASE, RABBIT, ProjectionConsumer.RUNTIME);
  }

  @AfterAll
  static void cleanUp() {
    cleanUp(RABBIT, SERVICE);
    DATABASE.close();
  }

  @Override
  TestRabbit rabbit() {
    return RABBIT;
  }

  @Override
  String service() {
    return SERVICE;
  }
}
