package com.ticketbounty.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AudiencesTest {
  private final UUID owner = UUID.randomUUID();
  private final UUID author = UUID.randomUUID();
  private final UUID watcher = UUID.randomUUID();
  private final UUID other = UUID.randomUUID();

  @Test
  void tellsTheOwnerAboutACommentUnlessTheyWroteIt() {
    assertThat(Audiences.ownerOfCommentedTicket(owner, author)).contains(owner);
    assertThat(Audiences.ownerOfCommentedTicket(owner, owner)).isEmpty();
  }

  @Test
  void tellsEachEarlierCommenterOnceNeverTheAuthorNorTheOwner() {
    assertThat(Audiences.watchers(List.of(watcher, author, owner, watcher, other), author, owner))
        .containsExactlyInAnyOrder(watcher, other);
  }

  @Test
  void tellsANewAssigneeUnlessUnassignedOrSelfAssigned() {
    assertThat(Audiences.newAssignee(owner, watcher)).contains(watcher);
    assertThat(Audiences.newAssignee(owner, null)).isEmpty();
    assertThat(Audiences.newAssignee(owner, owner)).isEmpty();
  }

  @Test
  void tellsTheAssigneeAndCommentersOfAChangeOnceEachNeverWhoMadeIt() {
    assertThat(Audiences.participants(watcher, List.of(watcher, other, owner), owner))
        .containsExactlyInAnyOrder(watcher, other);
    assertThat(Audiences.participants(null, List.of(), owner)).isEmpty();
  }
}
