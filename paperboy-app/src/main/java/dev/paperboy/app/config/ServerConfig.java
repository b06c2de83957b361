package dev.paperboy.app.config;

/**
 * The web server.
 *
 * @param host the interface to listen on (default 127.0.0.1: only this machine)
 * @param port the TCP port (default 7070)
 * @param baseUrl the public URL of the site, used in feeds and mails
 */
public record ServerConfig(String host, int port, String baseUrl) {}
