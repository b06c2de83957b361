package dev.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar holds every class Paperboy's own code names. The jar is built from Maven's
 * runtime classpath; the test JVM's classpath also has the test-scoped jars, so a library that a
 * module needs but a test-scoped declaration in this pom pushed out of the runtime scope works in
 * every test and fails only in production (this happened with jsoup: every paper page with a
 * comment answered 500). This test reads the runtime classpath the build wrote ({@code
 * target/runtime-classpath.txt}, see the pom), reads the class references in the constant pool of
 * every {@code dev.paperboy} class on it (JVMS 4.4.1, {@code CONSTANT_Class}) and looks each one up
 * on that classpath and in the JDK.
 */
class RuntimeClasspathTest {

  @Test
  void everyClassOurCodeNamesIsOnTheRuntimeClasspath() throws IOException {
    Path file = Path.of("target", "runtime-classpath.txt");
    assertThat(file).as("written by maven-dependency-plugin (build-classpath)").exists();
    List<Path> entries = new ArrayList<>();
    entries.add(Path.of("target", "classes"));
    for (String p : Files.readString(file).strip().split(java.io.File.pathSeparator)) {
      if (!p.isBlank()) {
        entries.add(Path.of(p));
      }
    }
    List<URL> urls = new ArrayList<>();
    for (Path p : entries) {
      urls.add(url(p));
    }
    Set<String> referenced = new TreeSet<>();
    int scanned = 0;
    for (Path p : entries) {
      scanned += scan(p, referenced);
    }
    assertThat(scanned).as("dev.paperboy classes read").isGreaterThan(100);

    Set<String> missing = new TreeSet<>();
    try (URLClassLoader runtime =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      for (String name : referenced) {
        if (runtime.getResource(name + ".class") == null) {
          missing.add(name.replace('/', '.'));
        }
      }
    }
    assertThat(missing)
        .as("classes named by Paperboy's code but absent from the runtime classpath")
        .isEmpty();
  }

  /** Adds the classes that {@code dev.paperboy} classes in {@code entry} name; returns how many. */
  private static int scan(Path entry, Set<String> referenced) throws IOException {
    int n = 0;
    if (Files.isDirectory(entry)) {
      Path root = entry.resolve("dev").resolve("paperboy");
      if (!Files.isDirectory(root)) {
        return 0;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          try (InputStream in = Files.newInputStream(f)) {
            classReferences(in, referenced);
            n++;
          }
        }
      }
    } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
      try (JarFile jar = new JarFile(entry.toFile())) {
        for (JarEntry e : java.util.Collections.list(jar.entries())) {
          if (e.getName().startsWith("dev/paperboy/") && e.getName().endsWith(".class")) {
            try (InputStream in = jar.getInputStream(e)) {
              classReferences(in, referenced);
              n++;
            }
          }
        }
      }
    }
    return n;
  }

  /** The internal names of the classes in a class file's constant pool (JVMS 4.4). */
  static void classReferences(InputStream stream, Set<String> out) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> classNames = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNames.add(in.readUnsignedShort());
        case 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          // Longs and doubles take two constant pool slots (JVMS 4.4.5).
          in.skipBytes(8);
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
      }
    }
    for (int index : classNames) {
      String name = utf8[index];
      if (name.startsWith("[")) {
        // An array class: [[Ljava/lang/String; names java/lang/String; primitive arrays nothing.
        int l = name.indexOf('L');
        if (l < 0) {
          continue;
        }
        name = name.substring(l + 1, name.length() - 1);
      }
      out.add(name);
    }
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }
}
