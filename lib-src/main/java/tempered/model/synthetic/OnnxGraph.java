package tempered.model.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX graph built node by node and written in ONNX's protobuf format: each call adds one node and returns
 * its output's name.
 *
 * <p>It writes the fields of {@code onnx.proto} that a model of plain tensors needs (nodes with attributes,
 * initializers inline or in an external data file, typed inputs and outputs with fixed or symbolic
 * dimensions) and leaves out the rest (sparse tensors, sequences, maps, functions, metadata). Written by
 * hand on {@link ProtoWriter}, so building a model needs no protobuf library.
 *
 * <pre>{@code
 * OnnxGraph g = new OnnxGraph("double");
 * g.input("x", OnnxGraph.ElementType.FLOAT, "n");
 * g.opTo("Add", OnnxGraph.attributes(), new String[] {"y"}, "x", "x");
 * g.output("y", OnnxGraph.ElementType.FLOAT, "n");
 * byte[] model = g.model(17);   // a model ONNX Runtime loads: y = x + x
 * }</pre>
 *
 * @see <a href="https://github.com/onnx/onnx/blob/main/onnx/onnx.proto">onnx.proto</a>
 */
public final class OnnxGraph {
    /** Microsoft's operator domain, for ONNX Runtime's contrib operators. */
    public static final String MICROSOFT = "com.microsoft";

    /** The tensor element types these models use, with their numbers in {@code TensorProto.DataType}. */
    public enum ElementType {
        FLOAT(1, 4),
        UINT8(2, 1),
        INT8(3, 1),
        INT32(6, 4),
        INT64(7, 8),
        BOOL(9, 1);

        final int code;
        final int bytes;

        ElementType(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }
    }

    /** One node attribute, already encoded as an {@code AttributeProto}. */
    public static final class Attribute {
        private final byte[] encoded;

        private Attribute(ProtoWriter proto) {
            this.encoded = proto.toByteArray();
        }
    }

    private final String name;
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int counter;
    private boolean microsoftOperators;
    External external;

    /** Where large initializers go when they are stored beside the model instead of inside it. */
    static final class External {
        final OutputStream out;
        final String location;
        final long threshold;
        long offset;

        External(OutputStream out, String location, long threshold) {
            this.out = out;
            this.location = location;
            this.threshold = threshold;
        }
    }

    public OnnxGraph(String name) {
        this.name = name;
    }

    /** A new name in this graph, for a node's output: unique within the model, since every graph has its own name. */
    public String name(String hint) {
        return name + "_" + hint + "_" + counter++;
    }

    /** Adds a node with one output and returns the output's name. */
    public String op(String type, String... inputs) {
        return op(type, new Attribute[0], inputs);
    }

    public String op(String type, Attribute[] attributes, String... inputs) {
        String output = name(type);
        opTo(type, attributes, new String[] {output}, inputs);
        return output;
    }

    /** Adds a node of the standard domain writing to the given outputs. */
    public void opTo(String type, Attribute[] attributes, String[] outputs, String... inputs) {
        opTo("", type, attributes, outputs, inputs);
    }

    /** Adds a node of another operator domain, such as {@link #MICROSOFT}. */
    public void opTo(String domain, String type, Attribute[] attributes, String[] outputs, String... inputs) {
        ProtoWriter node = new ProtoWriter();
        for (String input : inputs) {
            node.string(1, input);
        }
        for (String output : outputs) {
            node.string(2, output);
        }
        node.string(3, name + "_node_" + counter++).string(4, type);
        for (Attribute attribute : attributes) {
            node.bytes(5, attribute.encoded);
        }
        if (!domain.isEmpty()) {
            node.string(7, domain);
            microsoftOperators |= domain.equals(MICROSOFT);
        }
        nodes.add(node.toByteArray());
    }

    /** Dims are numbers (fixed) or strings (symbolic); none at all leaves the shape unknown. */
    public void input(String name, ElementType type, Object... dims) {
        inputs.add(valueInfo(name, type, dims));
    }

    public void output(String name, ElementType type, Object... dims) {
        outputs.add(valueInfo(name, type, dims));
    }

    /** A float initializer, stored little-endian as raw data. */
    public String floats(String name, float[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return initializer(name, ElementType.FLOAT, bytes.array(), dims);
    }

    /** An 8-bit initializer (INT8 or UINT8), as quantized weights and zero points are stored. */
    public String bytes(String name, ElementType type, byte[] values, long... dims) {
        if (type.bytes != 1) {
            throw new IllegalArgumentException(type + " is not an 8-bit type; use floats or longs");
        }
        return initializer(name, type, values.clone(), dims);
    }

    /** An int64 constant of the given shape (a scalar when no dims are given). */
    public String longs(long[] values, long... dims) {
        String constant = name + "_const_" + counter++;
        ProtoWriter tensor = new ProtoWriter();
        if (dims.length > 0) {
            tensor.packed(1, dims);
        }
        tensor.varint(2, ElementType.INT64.code).packed(7, values).string(8, constant);
        initializers.add(tensor.toByteArray());
        return constant;
    }

    /** A float scalar constant. */
    public String scalar(float value) {
        String constant = name + "_const_" + counter++;
        initializers.add(new ProtoWriter()
                .varint(2, ElementType.FLOAT.code)
                .packed(4, value)
                .string(8, constant)
                .toByteArray());
        return constant;
    }

    /**
     * An initializer from little-endian bytes; at or above the external threshold they go to the data file, at a
     * page-aligned offset so that ONNX Runtime can map the weights instead of copying them.
     */
    private String initializer(String name, ElementType type, byte[] data, long... dims) {
        ProtoWriter tensor = new ProtoWriter();
        if (dims.length > 0) {
            tensor.packed(1, dims);
        }
        tensor.varint(2, type.code).string(8, name);
        if (external != null && data.length >= external.threshold) {
            try {
                long padding = (4096 - external.offset % 4096) % 4096;
                external.out.write(new byte[(int) padding]);
                external.offset += padding;
                external.out.write(data);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + external.location + ": " + e.getMessage(), e);
            }
            tensor.message(13, entry("location", external.location))
                    .message(13, entry("offset", Long.toString(external.offset)))
                    .message(13, entry("length", Integer.toString(data.length)))
                    .varint(14, 1);
            external.offset += data.length;
        } else {
            tensor.bytes(9, data);
        }
        initializers.add(tensor.toByteArray());
        return name;
    }

    /** The graph as a {@code GraphProto}. */
    byte[] graph() {
        ProtoWriter graph = new ProtoWriter();
        for (byte[] node : nodes) {
            graph.bytes(1, node);
        }
        graph.string(2, name);
        for (byte[] initializer : initializers) {
            graph.bytes(5, initializer);
        }
        for (byte[] input : inputs) {
            graph.bytes(11, input);
        }
        for (byte[] output : outputs) {
            graph.bytes(12, output);
        }
        return graph.toByteArray();
    }

    /**
     * The whole model, a {@code ModelProto} of IR version 8 with the standard operators at {@code opset}, and
     * Microsoft's contrib operators (version 1) when a node uses them.
     */
    public byte[] model(int opset) {
        ProtoWriter model = new ProtoWriter().varint(1, 8).string(2, "tempered").bytes(7, graph());
        model.message(8, new ProtoWriter().string(1, "").varint(2, opset));
        if (microsoftOperators) {
            model.message(8, new ProtoWriter().string(1, MICROSOFT).varint(2, 1));
        }
        return model.toByteArray();
    }

    public static Attribute ints(String name, long... values) {
        return new Attribute(new ProtoWriter().string(1, name).packed(8, values).varint(20, 7));
    }

    public static Attribute integer(String name, long value) {
        return new Attribute(new ProtoWriter().string(1, name).varint(3, value).varint(20, 2));
    }

    public static Attribute real(String name, float value) {
        return new Attribute(new ProtoWriter().string(1, name).fixed32(2, value).varint(20, 1));
    }

    /** A subgraph attribute, such as an If node's branches; the subgraph's own operators count as the model's. */
    public Attribute graph(String name, OnnxGraph value) {
        microsoftOperators |= value.microsoftOperators;
        return new Attribute(
                new ProtoWriter().string(1, name).bytes(6, value.graph()).varint(20, 5));
    }

    public static Attribute[] attributes(Attribute... attributes) {
        return attributes;
    }

    private static ProtoWriter entry(String key, String value) {
        return new ProtoWriter().string(1, key).string(2, value);
    }

    private static byte[] valueInfo(String name, ElementType type, Object... dims) {
        ProtoWriter tensor = new ProtoWriter().varint(1, type.code);
        if (dims.length > 0) {
            ProtoWriter shape = new ProtoWriter();
            for (Object dim : dims) {
                ProtoWriter d = new ProtoWriter();
                if (dim instanceof Number number) {
                    d.varint(1, number.longValue());
                } else {
                    d.string(2, dim.toString());
                }
                shape.message(1, d);
            }
            tensor.message(2, shape);
        }
        return new ProtoWriter()
                .string(1, name)
                .message(2, new ProtoWriter().message(1, tensor))
                .toByteArray();
    }
}
