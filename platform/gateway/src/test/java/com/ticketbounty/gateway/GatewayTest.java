package com.ticketbounty.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole gateway on a random port, on the class's own {@link GatewayTestBed} (a static field).
 * The context is closed after the class, and only then the bed: {@link GatewayTestBed.Closer} is
 * declared before {@link SpringBootTest}'s own extension, so its after-all callback runs after
 * Spring's, and the database and queues go once nothing uses them any more.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(GatewayTestBed.Closer.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
@interface GatewayTest {}
