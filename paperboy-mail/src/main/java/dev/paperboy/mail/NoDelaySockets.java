package dev.paperboy.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories that turn Nagle's algorithm off (TCP_NODELAY).
 *
 * <p>SMTP is a lock-step dialogue: the client writes a command or the end of the data and waits for
 * the reply. With Nagle on, the last small segment of a message (the closing {@code .}) waits until
 * the server acknowledges the previous one, and the server delays that acknowledgement (delayed
 * ACKs, up to 40 ms on Linux), so every message of a few segments stalls once. Jakarta Mail has no
 * property for TCP_NODELAY, so it gets these factories instead.
 */
final class NoDelaySockets {

  private NoDelaySockets() {}

  /** Plain sockets (before STARTTLS, or without TLS). */
  static SocketFactory plain() {
    return new Plain();
  }

  /**
   * TLS sockets: Jakarta Mail connects a plain socket and layers TLS over it with {@link
   * SSLSocketFactory#createSocket(Socket, String, int, boolean)}, where TCP_NODELAY is set.
   */
  static SSLSocketFactory tls(SSLSocketFactory delegate) {
    return new Tls(delegate);
  }

  private static <S extends Socket> S noDelay(S s) throws IOException {
    s.setTcpNoDelay(true);
    return s;
  }

  private static final class Plain extends SocketFactory {
    @Override
    public Socket createSocket() throws IOException {
      return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return noDelay(new Socket(address, port, localAddress, localPort));
    }
  }

  private static final class Tls extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    Tls(SSLSocketFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose)
        throws IOException {
      return delegate.createSocket(noDelay(s), host, port, autoClose);
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }
  }
}
