package dev.paperboy.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The precompiled jte templates (generated at build time into {@code dev.paperboy.web.templates}).
 */
public final class Templates {
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Templates.class.getClassLoader(), "dev.paperboy.web.templates");

  /** Renders {@code name} (e.g. {@code day.jte}) with the view model as its one parameter. */
  public String render(String name, Object model) {
    StringOutput out = new StringOutput(8192);
    engine.render(name, model, out);
    return out.toString();
  }
}
