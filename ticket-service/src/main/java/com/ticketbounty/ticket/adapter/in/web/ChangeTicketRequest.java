package com.ticketbounty.ticket.adapter.in.web;

import com.ticketbounty.ticket.domain.Given;
import com.ticketbounty.ticket.domain.Priority;
import com.ticketbounty.ticket.domain.TicketPatch;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /api/tickets/{id}}. Jackson calls a setter only for a field the body
 * holds, also when its value is null; so a field left out stays as it is, and a field sent as null
 * is a broken rule of that field (422), not silently ignored. The getters describe the body to
 * springdoc.
 */
@Schema(name = "TicketChange", description = "any of the fields; those left out stay")
final class ChangeTicketRequest {
  private @Nullable Given<String> title;
  private @Nullable Given<String> content;
  private @Nullable Given<String> deadline;
  private @Nullable Given<Long> bounty;
  private @Nullable Given<PriorityJson> priority;

  TicketPatch toPatch() {
    return new TicketPatch(title, content, deadline, bounty, domainPriority());
  }

  private @Nullable Given<Priority> domainPriority() {
    if (priority == null) {
      return null;
    }
    PriorityJson json = priority.value();
    return Given.of(json == null ? null : json.toDomain());
  }

  public @Nullable String getTitle() {
    return title == null ? null : title.value();
  }

  public void setTitle(@Nullable String title) {
    this.title = Given.of(title);
  }

  public @Nullable String getContent() {
    return content == null ? null : content.value();
  }

  public void setContent(@Nullable String content) {
    this.content = Given.of(content);
  }

  @Schema(format = "date", example = "2026-12-24")
  public @Nullable String getDeadline() {
    return deadline == null ? null : deadline.value();
  }

  public void setDeadline(@Nullable String deadline) {
    this.deadline = Given.of(deadline);
  }

  @Schema(description = "in cents, at least 500")
  public @Nullable Long getBounty() {
    return bounty == null ? null : bounty.value();
  }

  public void setBounty(@Nullable Long bounty) {
    this.bounty = Given.of(bounty);
  }

  public @Nullable PriorityJson getPriority() {
    return priority == null ? null : priority.value();
  }

  public void setPriority(@Nullable PriorityJson priority) {
    this.priority = Given.of(priority);
  }
}
