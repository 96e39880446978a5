-- Each service owns its database (DESIGN.md §2); the gateway keeps its ended sessions in its own.
CREATE DATABASE ticketbounty_identity;
CREATE DATABASE ticketbounty_ticket;
CREATE DATABASE ticketbounty_comment;
CREATE DATABASE ticketbounty_notification;
CREATE DATABASE ticketbounty_gateway;
