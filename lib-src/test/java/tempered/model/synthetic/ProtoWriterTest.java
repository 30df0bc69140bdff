package tempered.model.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The wire format against the worked examples of the Protocol Buffers encoding guide, byte for byte. */
class ProtoWriterTest {

    @Test
    void varintsTakeSevenBitsPerByteLowestFirst() {
        assertArrayEquals(
                bytes(0x08, 0x96, 0x01), new ProtoWriter().varint(1, 150).toByteArray());
        assertArrayEquals(bytes(0x08, 0x01), new ProtoWriter().varint(1, 1).toByteArray());
        // A negative int64 is its two's complement: ten bytes.
        assertArrayEquals(
                bytes(0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01),
                new ProtoWriter().varint(1, -1).toByteArray());
        // Field 20 needs a two-byte key: (20 << 3) | 0 = 160.
        assertArrayEquals(
                bytes(0xA0, 0x01, 0x07), new ProtoWriter().varint(20, 7).toByteArray());
    }

    @Test
    void stringsAndMessagesAreLengthDelimited() {
        assertArrayEquals(
                bytes(0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g'),
                new ProtoWriter().string(2, "testing").toByteArray());
        assertArrayEquals(
                bytes(0x1A, 0x03, 0x08, 0x96, 0x01),
                new ProtoWriter().message(3, new ProtoWriter().varint(1, 150)).toByteArray());
    }

    @Test
    void packedFieldsHoldOneLengthThenTheValues() {
        assertArrayEquals(
                bytes(0x22, 0x06, 0x03, 0x8E, 0x02, 0x9E, 0xA7, 0x05),
                new ProtoWriter().packed(4, 3L, 270L, 86942L).toByteArray());
        assertArrayEquals(
                bytes(0x22, 0x08, 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0),
                new ProtoWriter().packed(4, 1f, -2f).toByteArray());
    }

    @Test
    void floatsAreFourLittleEndianBytes() {
        assertArrayEquals(
                bytes(0x15, 0x00, 0x00, 0x80, 0x3F),
                new ProtoWriter().fixed32(2, 1f).toByteArray());
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
