package dev.paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A shared mapper for building JSON nodes (node creation needs no configuration). */
final class WebJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private WebJson() {}
}
