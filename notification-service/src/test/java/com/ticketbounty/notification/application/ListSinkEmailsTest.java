package com.ticketbounty.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.ticketbounty.notification.application.ListSinkEmails.Delivery;
import com.ticketbounty.notification.application.ListSinkEmails.SinkPage;
import com.ticketbounty.notification.domain.Email;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListSinkEmailsTest {
  private final InMemoryEmailSink sink = new InMemoryEmailSink();
  private final ListSinkEmails listSinkEmails = ListSinkEmails.from(sink);

  @Test
  void pagesNewestFirstAndSaysWhereTheNextPageStarts() {
    keep(5);

    SinkPage first = listSinkEmails.list(2, Optional.empty());
    SinkPage second = listSinkEmails.list(2, first.nextBefore());
    SinkPage last = listSinkEmails.list(2, second.nextBefore());

    assertThat(keys(first)).containsExactly("key-5", "key-4");
    assertThat(first.nextBefore()).contains(4L);
    assertThat(keys(second)).containsExactly("key-3", "key-2");
    assertThat(keys(last)).containsExactly("key-1");
    assertThat(last.nextBefore()).isEmpty();
    assertThat(first.delivery()).isEqualTo(Delivery.SINK);
  }

  @Test
  void hasNoNextPageWhenThePageIsExactlyFull() {
    keep(2);

    SinkPage page = listSinkEmails.list(2, Optional.empty());

    assertThat(keys(page)).hasSize(2);
    assertThat(page.nextBefore()).isEmpty();
  }

  @Test
  void answersThatAProviderDeliversWhenOneIsConfigured() {
    SinkPage page = ListSinkEmails.providerDelivers().list(50, Optional.empty());

    assertThat(page.delivery()).isEqualTo(Delivery.PROVIDER);
    assertThat(page.emails()).isEmpty();
    assertThat(page.nextBefore()).isEmpty();
  }

  @Test
  void refusesALimitOutOfRange() {
    assertThatIllegalArgumentException().isThrownBy(() -> listSinkEmails.list(0, Optional.empty()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> listSinkEmails.list(ListSinkEmails.MAX_LIMIT + 1, Optional.empty()));
  }

  private void keep(int count) {
    for (int n = 1; n <= count; n++) {
      sink.keep(
          new Email(
              "noreply@ticketbounty.local",
              List.of("ada@example.com"),
              "E-mail " + n,
              "<p>x</p>",
              "x"),
          "key-" + n);
    }
  }

  private static List<String> keys(SinkPage page) {
    return page.emails().stream().map(SinkEmail::idempotencyKey).toList();
  }
}
