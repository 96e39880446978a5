package com.ticketbounty.notification.adapter.out.templates;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import com.ticketbounty.notification.application.EmailBodies;
import com.ticketbounty.notification.application.EmailTemplates;
import com.ticketbounty.notification.domain.EmailTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Renders e-mails from {@code templates/email/<name>.html.mustache} and {@code <name>.txt.mustache}
 * on the classpath. The HTML compiler escapes every {@code {{value}}} (user text arrives as text,
 * never as markup); the text compiler leaves values as they are. A partial ({@code {{> _footer}}})
 * is read with the including template's extension.
 *
 * <p>Every template is compiled when this is built, so a missing or broken file stops start-up
 * instead of failing the first e-mail; a value a template names but the caller left out fails the
 * rendering (JMustache's default), never renders as blank.
 */
public final class MustacheEmailTemplates implements EmailTemplates {
  private static final String ROOT = "templates/email/";
  private static final String HTML = ".html.mustache";
  private static final String TEXT = ".txt.mustache";

  private final Map<EmailTemplate, Template> html = new EnumMap<>(EmailTemplate.class);
  private final Map<EmailTemplate, Template> text = new EnumMap<>(EmailTemplate.class);

  public MustacheEmailTemplates() {
    Mustache.Compiler htmlCompiler = Mustache.compiler().withLoader(name -> reader(name + HTML));
    Mustache.Compiler textCompiler =
        Mustache.compiler().escapeHTML(false).withLoader(name -> reader(name + TEXT));
    for (EmailTemplate template : EmailTemplate.values()) {
      html.put(template, compile(htmlCompiler, template.fileName() + HTML));
      text.put(template, compile(textCompiler, template.fileName() + TEXT));
    }
  }

  @Override
  public EmailBodies render(EmailTemplate template, Map<String, Object> values) {
    try {
      return new EmailBodies(
          html.get(template).execute(values), text.get(template).execute(values));
    } catch (MustacheException e) {
      throw new IllegalArgumentException(
          "e-mail " + template.fileName() + " cannot be rendered: " + e.getMessage(), e);
    }
  }

  private static Template compile(Mustache.Compiler compiler, String file) {
    try (Reader source = reader(file)) {
      return compiler.compile(source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read e-mail template " + file, e);
    }
  }

  private static Reader reader(String file) {
    InputStream stream =
        MustacheEmailTemplates.class.getClassLoader().getResourceAsStream(ROOT + file);
    if (stream == null) {
      throw new IllegalStateException("e-mail template " + ROOT + file + " is missing");
    }
    return new InputStreamReader(stream, StandardCharsets.UTF_8);
  }
}
