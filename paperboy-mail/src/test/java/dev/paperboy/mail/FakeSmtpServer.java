package dev.paperboy.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small scripted SMTP server on a loopback port, for the replies GreenMail does not give: a 550
 * for one address, a 535 to AUTH, a 421 greeting, TLS with a test certificate. It speaks enough of
 * RFC 5321 for Jakarta Mail (EHLO, STARTTLS, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and
 * records what it received.
 */
final class FakeSmtpServer implements AutoCloseable {

  /** One received message: the envelope and the raw content (dot-unstuffed, CRLF line ends). */
  record Received(String mailFrom, List<String> rcptTo, String data) {}

  String greeting = "220 fake.example ESMTP";
  boolean offerStartTls;
  boolean offerAuth;

  /** Reply to AUTH (after the credentials). */
  String authReply = "235 2.7.0 Authentication successful";

  Function<String, String> mailReply = from -> "250 2.1.0 Ok";
  Function<String, String> rcptReply = to -> "250 2.1.5 Ok";
  Function<String, String> dataEndReply = data -> "250 2.0.0 Ok: queued";

  /** When set, the server closes the connection instead of answering the end of the data. */
  volatile boolean dropAtEndOfData;

  /** When cleared, received messages are counted but not kept (benchmarks). */
  volatile boolean keepMessages = true;

  final AtomicInteger accepted = new AtomicInteger();

  /** When set, the server accepts connections but never says anything. */
  volatile boolean silent;

  final AtomicInteger connections = new AtomicInteger();
  final List<Received> received = new CopyOnWriteArrayList<>();
  final List<String> commands = new CopyOnWriteArrayList<>();

  private final ServerSocket server;
  private final SSLContext tls;
  private final boolean implicitTls;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  private FakeSmtpServer(boolean implicitTls, String keystore) throws IOException {
    this.implicitTls = implicitTls;
    this.tls = serverContext(keystore);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = Thread.ofVirtual().name("fake-smtp-accept").unstarted(this::acceptLoop);
  }

  /** A plain-text server (STARTTLS only when {@link #offerStartTls} is set). */
  static FakeSmtpServer plain() throws IOException {
    return new FakeSmtpServer(false, "tls-localhost.p12");
  }

  /** A server that speaks TLS from the first byte with the given test key store. */
  static FakeSmtpServer implicitTls(String keystore) throws IOException {
    return new FakeSmtpServer(true, keystore);
  }

  FakeSmtpServer start() {
    acceptor.start();
    return this;
  }

  int port() {
    return server.getLocalPort();
  }

  /** Closes every open client connection, as a server does to idle clients. */
  void dropConnections() {
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    dropConnections();
  }

  /** A client socket factory that trusts the test certificates. */
  static SSLSocketFactory trustingTestCertificates() {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      for (String name : List.of("tls-localhost.p12", "tls-other-host.p12")) {
        KeyStore ks = load(name);
        for (String alias : java.util.Collections.list(ks.aliases())) {
          trust.setCertificateEntry(name + "/" + alias, ks.getCertificate(alias));
        }
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx.getSocketFactory();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyStore load(String name) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = FakeSmtpServer.class.getResourceAsStream(name)) {
      ks.load(in, "changeit".toCharArray());
    }
    return ks;
  }

  private static SSLContext serverContext(String keystore) {
    try {
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(load(keystore), "changeit".toCharArray());
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        connections.incrementAndGet();
        open.add(s);
        Thread.ofVirtual().name("fake-smtp-conn").start(() -> serve(s));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket raw) {
    Socket s = raw;
    try {
      if (implicitTls) {
        s = upgrade(raw);
      }
      if (silent) {
        s.getInputStream().read(); // until the client gives up
        return;
      }
      Conversation c = new Conversation(s);
      c.reply(greeting);
      if (!greeting.startsWith("220")) {
        c.awaitQuit();
        return;
      }
      c.run();
    } catch (IOException e) {
      // client went away
    } finally {
      open.remove(raw);
      try {
        s.close();
      } catch (IOException ignored) {
        // done
      }
    }
  }

  private SSLSocket upgrade(Socket s) throws IOException {
    SSLSocketFactory f = tls.getSocketFactory();
    SSLSocket ssl =
        (SSLSocket) f.createSocket(s, s.getInetAddress().getHostAddress(), s.getPort(), true);
    ssl.setUseClientMode(false);
    ssl.startHandshake();
    return ssl;
  }

  private final class Conversation {
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private boolean secure;
    private String mailFrom = "";
    private List<String> rcpts = new CopyOnWriteArrayList<>();

    Conversation(Socket socket) throws IOException {
      bind(socket);
      this.secure = implicitTls;
    }

    private void bind(Socket s) throws IOException {
      this.socket = s;
      this.in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      this.out = s.getOutputStream();
    }

    void reply(String text) throws IOException {
      out.write(
          (text.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    void awaitQuit() throws IOException {
      String line;
      while ((line = in.readLine()) != null) {
        commands.add(line);
        if (line.toUpperCase(Locale.ROOT).startsWith("QUIT")) {
          reply("221 bye");
          return;
        }
        reply("503 5.5.1 go away");
      }
    }

    void run() throws IOException {
      String line;
      while ((line = in.readLine()) != null) {
        commands.add(line);
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        String arg = line.length() > verb.length() ? line.substring(verb.length() + 1) : "";
        switch (verb) {
          case "EHLO" -> {
            StringBuilder b = new StringBuilder("250-fake.example\n");
            if (offerStartTls && !secure) {
              b.append("250-STARTTLS\n");
            }
            if (offerAuth) {
              b.append("250-AUTH PLAIN\n");
            }
            b.append("250 ENHANCEDSTATUSCODES");
            reply(b.toString());
          }
          case "HELO" -> reply("250 fake.example");
          case "STARTTLS" -> {
            reply("220 2.0.0 Ready to start TLS");
            bind(upgrade(socket));
            secure = true;
          }
          case "AUTH" -> {
            if (arg.trim().equalsIgnoreCase("PLAIN")) {
              reply("334 ");
              commands.add(in.readLine());
            }
            reply(authReply);
          }
          case "MAIL" -> {
            mailFrom = arg;
            rcpts = new CopyOnWriteArrayList<>();
            reply(mailReply.apply(arg));
          }
          case "RCPT" -> {
            String r = rcptReply.apply(arg);
            if (r.startsWith("2")) {
              rcpts.add(arg);
            }
            reply(r);
          }
          case "DATA" -> {
            reply("354 End data with <CR><LF>.<CR><LF>");
            StringBuilder data = new StringBuilder();
            String d;
            while ((d = in.readLine()) != null && !d.equals(".")) {
              data.append(d.startsWith(".") ? d.substring(1) : d).append("\r\n");
            }
            if (dropAtEndOfData) {
              socket.close();
              return;
            }
            String r = dataEndReply.apply(data.toString());
            if (r.startsWith("2")) {
              accepted.incrementAndGet();
              if (keepMessages) {
                received.add(new Received(mailFrom, List.copyOf(rcpts), data.toString()));
              }
            }
            reply(r);
          }
          case "RSET" -> {
            rcpts = new CopyOnWriteArrayList<>();
            reply("250 2.0.0 Ok");
          }
          case "NOOP" -> reply("250 2.0.0 Ok");
          case "QUIT" -> {
            reply("221 2.0.0 Bye");
            return;
          }
          default -> reply("502 5.5.2 Error: command not recognized");
        }
      }
    }
  }
}
