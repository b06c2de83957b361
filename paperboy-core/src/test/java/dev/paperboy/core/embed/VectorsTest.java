package dev.paperboy.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paperboy.core.testing.Papers;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class VectorsTest {

  @Property
  void bytesRoundTrip(@ForAll @Size(max = 64) float[] v) {
    assertThat(Vectors.fromBytes(Vectors.toBytes(v), v.length)).isEqualTo(v);
  }

  @Test
  void bytesAreLittleEndianFloats() {
    // 1.0f is 0x3F800000
    assertThat(Vectors.toBytes(new float[] {1f})).containsExactly(0, 0, (byte) 0x80, 0x3F);
    assertThatThrownBy(() -> Vectors.fromBytes(new byte[7], 2))
        .hasMessage("a vector of dimension 2 takes 8 bytes, got 7");
  }

  @Test
  void normalisedVectorsHaveUnitLengthAndDotIsCosine() {
    float[] a = Vectors.normalizeInPlace(new float[] {3, 4});
    assertThat(a).containsExactly(0.6f, 0.8f);
    assertThat(Vectors.norm(a)).isCloseTo(1f, within(1e-6f));
    assertThat(Vectors.dot(a, new float[] {1, 0})).isEqualTo(0.6f);
    assertThatThrownBy(() -> Vectors.normalizeInPlace(new float[] {0, 0}))
        .hasMessageContaining("norm 0.0");
    assertThatThrownBy(() -> Vectors.dot(new float[1], new float[2]))
        .hasMessage("vectors differ in length: 1 and 2");
  }

  @Test
  void documentTextIsTitleThenAbstract() {
    assertThat(DocumentText.of(Papers.paper("2503.11731", "A Title", "The abstract.")))
        .isEqualTo("A Title The abstract.");
    assertThat(DocumentText.of(" Title ", "  ")).isEqualTo("Title");
    assertThat(DocumentText.of("", "Body")).isEqualTo("Body");
  }

  @Test
  void hashIsSha256OfUtf8() {
    // sha256("abc") from FIPS 180-2, appendix B.1
    assertThat(DocumentText.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(DocumentText.hash("é")).isNotEqualTo(DocumentText.hash("e"));
  }
}
