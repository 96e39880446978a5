package com.ticketbounty.reliability.faults;

/**
 * One fault of the suite: injected a third into its phase, lifted two thirds in, under steady load
 * all along.
 */
interface Fault {
  /** Its number in issue 14's list. */
  int number();

  /** What it does, as the table says it. */
  String description();

  void inject(SuiteSystem system) throws Exception;

  void lift(SuiteSystem system) throws Exception;
}
