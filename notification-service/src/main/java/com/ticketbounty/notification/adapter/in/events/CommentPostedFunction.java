package com.ticketbounty.notification.adapter.in.events;

import com.ticketbounty.eventruntime.RetryPolicy;
import com.ticketbounty.eventruntime.function.DurableFunction;
import com.ticketbounty.eventruntime.function.FunctionContext;
import com.ticketbounty.events.comment.CommentPosted;
import com.ticketbounty.notification.application.NewComment;
import com.ticketbounty.notification.application.Notified;
import com.ticketbounty.notification.application.NotifyCommentAudience;
import com.ticketbounty.notification.domain.Audiences;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code comment-posted}: {@code notify-author} tells the ticket's owner unless they wrote the
 * comment (decided from the event alone, so the step is simply not taken then); {@code
 * notify-watchers} tells everyone who commented on the ticket before this comment, once each, never
 * the commenter nor the owner. At most 10 runs of one ticket execute a step at once.
 *
 * <p>The earlier commenters come from this service's copy of the comment events, which another
 * queue keeps: a comment posted a moment before this one may not be in it yet when the step runs.
 */
public final class CommentPostedFunction {
  public static final String ID = "comment-posted";

  private final NotifyCommentAudience notifyCommentAudience;
  private final RetryPolicy retryPolicy;

  public CommentPostedFunction(
      NotifyCommentAudience notifyCommentAudience, RetryPolicy retryPolicy) {
    this.notifyCommentAudience = notifyCommentAudience;
    this.retryPolicy = retryPolicy;
  }

  public DurableFunction function() {
    return DurableFunction.named(ID)
        .retryPolicy(retryPolicy)
        .triggeredBy(CommentPosted.class)
        .concurrency(10, "event.data.ticketId")
        .handler(this::run);
  }

  private @Nullable Notified run(FunctionContext context) {
    CommentPosted posted = context.data(CommentPosted.class);
    NewComment comment =
        new NewComment(
            posted.commentId(),
            posted.ticketId(),
            posted.ticketOwnerId(),
            posted.authorId(),
            posted.content(),
            posted.createdAt());
    Notified notified = Notified.NONE;
    if (Audiences.ownerOfCommentedTicket(comment.ownerId(), comment.authorId()).isPresent()) {
      notified =
          notified.and(
              step(
                  context,
                  "notify-author",
                  key -> notifyCommentAudience.notifyOwner(comment, key)));
    }
    return notified.and(
        step(
            context, "notify-watchers", key -> notifyCommentAudience.notifyWatchers(comment, key)));
  }

  private static Notified step(
      FunctionContext context, String id, Function<String, Notified> body) {
    Notified notified =
        context.step().run(id, Notified.class, key -> ProviderCalls.mapped(() -> body.apply(key)));
    return notified == null ? Notified.NONE : notified;
  }
}
