package com.ticketbounty.serviceweb.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small service on service-web, as a real one would use it. */
@SpringBootApplication
public class TestServiceApplication {}
