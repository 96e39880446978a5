package com.ticketbounty.eventruntime.rabbitmq;

import com.ticketbounty.eventruntime.spi.InboundMessage;
import com.ticketbounty.eventruntime.spi.MessageSource.BatchHandler;
import com.ticketbounty.eventruntime.spi.Outcome;
import java.util.ArrayList;
import java.util.List;

/** A batch handler that hands every call on and keeps what each message was answered. */
final class RecordingBatchHandler implements BatchHandler {
  record Answer(InboundMessage message, Outcome outcome, int batchSize) {}

  private final BatchHandler handler;
  private final List<Answer> answers = new ArrayList<>();

  RecordingBatchHandler(BatchHandler handler) {
    this.handler = handler;
  }

  @Override
  public Outcome handle(InboundMessage message) {
    Outcome outcome = handler.handle(message);
    record(List.of(message), List.of(outcome));
    return outcome;
  }

  @Override
  public List<Outcome> handleAll(List<InboundMessage> messages) {
    List<Outcome> outcomes = handler.handleAll(messages);
    record(messages, outcomes);
    return outcomes;
  }

  synchronized List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** How many messages were answered {@code type}. */
  long count(Class<? extends Outcome> type) {
    return answers().stream().filter(a -> type.isInstance(a.outcome())).count();
  }

  private synchronized void record(List<InboundMessage> messages, List<Outcome> outcomes) {
    for (int i = 0; i < messages.size(); i++) {
      answers.add(new Answer(messages.get(i), outcomes.get(i), messages.size()));
    }
  }
}
