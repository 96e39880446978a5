package com.ticketbounty.serviceweb.app;

import com.ticketbounty.serviceweb.security.AdminCaller;
import com.ticketbounty.serviceweb.security.Caller;
import com.ticketbounty.serviceweb.security.InternalCaller;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Internal endpoints as services write them: who may call is the argument they declare. */
@RestController
class InternalController {

  @GetMapping("/internal/things/{id}")
  Map<String, String> forServices(InternalCaller caller, @PathVariable String id) {
    return Map.of("id", id, "caller", caller.who().describe());
  }

  @PostMapping("/internal/things/rebuild")
  Map<String, String> forAdmins(AdminCaller admin) {
    return Map.of("caller", admin.caller().describe());
  }

  @GetMapping("/mine")
  Map<String, String> forUsers(Caller caller) {
    return Map.of("caller", caller.describe());
  }
}
