package com.ticketbounty.admindigest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountTest {

  @Test
  void refusesANegativeFigure() {
    assertThatThrownBy(() -> new Count(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Count(3, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** The owner counts total and created-since one after the other; a row may come in between. */
  @Test
  void takesMoreCreatedSinceThanTotalAsTheOwnerAnsweredIt() {
    assertThat(new Count(10, 11).createdSince()).isEqualTo(11);
  }
}
