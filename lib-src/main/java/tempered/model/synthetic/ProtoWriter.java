package tempered.model.synthetic;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Protocol Buffers' wire format, as much of it as writing an ONNX model takes: varints, 32-bit floats and
 * length-delimited fields (strings, bytes, nested messages, packed numbers), each written as its field number
 * and wire type followed by the value.
 *
 * <p>It leaves out reading, groups, zig-zag (sint) and 64-bit fixed fields, none of which ONNX's writer side
 * needs. A message is built from the inside out: the nested one is finished first, then written into its
 * parent with its length in front.
 *
 * <pre>{@code
 * // not run: the class is package-private; ProtoWriterTest checks this example
 * new ProtoWriter().varint(1, 150).toByteArray();   // {0x08, 0x96, 0x01}
 * }</pre>
 *
 * @see <a href="https://protobuf.dev/programming-guides/encoding/">Protocol Buffers, Encoding</a>
 */
final class ProtoWriter {
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** An integer field (int32, int64, enum, bool); negative values take ten bytes, as in protobuf itself. */
    ProtoWriter varint(int field, long value) {
        key(field, VARINT);
        raw(value);
        return this;
    }

    ProtoWriter fixed32(int field, float value) {
        key(field, FIXED32);
        int bits = Float.floatToIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter bytes(int field, byte[] value) {
        key(field, LENGTH_DELIMITED);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** A repeated integer field in packed form: one length, then the varints. */
    ProtoWriter packed(int field, long... values) {
        ProtoWriter body = new ProtoWriter();
        for (long value : values) {
            body.raw(value);
        }
        return bytes(field, body.toByteArray());
    }

    /** A repeated float field in packed form: one length, then 4 little-endian bytes per value. */
    ProtoWriter packed(int field, float... values) {
        ByteBuffer body = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        body.asFloatBuffer().put(values);
        return bytes(field, body.array());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void key(int field, int wireType) {
        raw(((long) field << 3) | wireType);
    }

    /** Seven bits at a time, lowest first, the high bit saying another byte follows. */
    private void raw(long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }
}
