package dev.paperboy.web;

/**
 * A request parameter that cannot be used: answered with 400 and a message naming the parameter.
 */
public final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  public BadRequest(String parameter, String message) {
    super(parameter + ": " + message);
    this.parameter = parameter;
  }

  /** The name of the parameter at fault. */
  public String parameter() {
    return parameter;
  }
}
