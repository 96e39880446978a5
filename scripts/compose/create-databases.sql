-- Each service owns its database (DESIGN.md §2).
CREATE DATABASE ticketbounty_ticket;
CREATE DATABASE ticketbounty_notification;
