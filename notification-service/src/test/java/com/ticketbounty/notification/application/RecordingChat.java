package com.ticketbounty.notification.application;

import com.ticketbounty.notification.domain.TrackedEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Slack (as itself), Discord (through {@link #discord()}) and analytics in memory: records what is
 * posted, can be told to fail.
 */
public final class RecordingChat implements SlackMessages, Analytics {
  private final List<String> slack = new ArrayList<>();
  private final List<String> discord = new ArrayList<>();
  private final List<TrackedEvent> tracked = new ArrayList<>();
  private final Queue<RuntimeException> failures = new ArrayDeque<>();
  private boolean failAlways;

  @Override
  public synchronized void post(String text) {
    fail();
    slack.add(text);
  }

  @Override
  public synchronized void track(TrackedEvent event) {
    fail();
    tracked.add(event);
  }

  /** The Discord port, which shares {@code post(String)} with Slack's. */
  public DiscordMessages discord() {
    return content -> {
      synchronized (this) {
        fail();
        discord.add(content);
      }
    };
  }

  /** The next call throws {@code failure}. */
  public synchronized void failNextWith(RuntimeException failure) {
    failures.add(failure);
  }

  /** Every call throws from now on. */
  public synchronized void failAlways() {
    failAlways = true;
  }

  private void fail() {
    RuntimeException failure = failures.poll();
    if (failure != null) {
      throw failure;
    }
    if (failAlways) {
      throw new ProviderUnavailableException("down", new RuntimeException("down"));
    }
  }

  public synchronized List<String> slack() {
    return List.copyOf(slack);
  }

  public synchronized List<String> discordPosts() {
    return List.copyOf(discord);
  }

  public synchronized List<TrackedEvent> tracked() {
    return List.copyOf(tracked);
  }
}
