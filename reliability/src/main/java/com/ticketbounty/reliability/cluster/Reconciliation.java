package com.ticketbounty.reliability.cluster;

/**
 * One load's side effects counted at the provider after the run.
 *
 * @param load what was sent (tickets, comments)
 * @param sent requests sent
 * @param accepted requests answered with the expected status
 * @param failed requests answered otherwise or not at all
 * @param effectDespiteFailure failed requests whose e-mail arrived all the same (the work was done
 *     though the answer was lost): not lost, not doubled
 * @param lost accepted requests whose e-mail never arrived
 * @param emails e-mails of this load the provider received
 * @param distinctKeys distinct idempotency keys among them
 * @param severalKeys requests whose e-mails came under more than one key: a side effect done twice
 */
record Reconciliation(
    String load,
    long sent,
    long accepted,
    long failed,
    long effectDespiteFailure,
    long lost,
    long emails,
    long distinctKeys,
    long severalKeys) {

  /** E-mails beyond one per key, plus requests done under several keys. */
  long duplicated() {
    return (emails - distinctKeys) + severalKeys;
  }
}
