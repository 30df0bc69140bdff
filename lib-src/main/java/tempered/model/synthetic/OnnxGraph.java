package tempered.model.synthetic;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A small builder over ONNX's protobuf classes: each call adds one node and returns its output's name. */
public final class OnnxGraph {
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final String prefix;
    private int counter;
    External external;

    /** Where large initializers go when they are stored beside the model instead of inside it. */
    static final class External {
        final java.io.OutputStream out;
        final String location;
        final long threshold;
        long offset;

        External(java.io.OutputStream out, String location, long threshold) {
            this.out = out;
            this.location = location;
            this.threshold = threshold;
        }
    }


    public OnnxGraph(String name) {
        this.prefix = name;
        graph.setName(name);
    }

    public GraphProto build() {
        return graph.build();
    }

    /** Adds a node with one output and returns the output's name. */
    public String op(String type, String... inputs) {
        return op(type, new AttributeProto[0], inputs);
    }

    public String op(String type, AttributeProto[] attributes, String... inputs) {
        String output = prefix + "_" + type + "_" + counter++;
        opTo(type, attributes, new String[] {output}, inputs);
        return output;
    }

    /** Adds a node writing to the given outputs. */
    public void opTo(String type, AttributeProto[] attributes, String[] outputs, String... inputs) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(type).setName(prefix + "_node_" + counter++);
        for (String input : inputs) {
            node.addInput(input);
        }
        for (String output : outputs) {
            node.addOutput(output);
        }
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
    }

    public void input(String name, TensorProto.DataType type, Object... dims) {
        graph.addInput(valueInfo(name, type, dims));
    }

    public void output(String name, TensorProto.DataType type, Object... dims) {
        graph.addOutput(valueInfo(name, type, dims));
    }

    /** A float initializer, stored little-endian as raw data. */
    public String floats(String name, float[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
        if (external != null && bytes.capacity() >= external.threshold) {
            try {
                // Page-aligned offsets let ONNX Runtime map the weights instead of copying them.
                long padding = (4096 - external.offset % 4096) % 4096;
                external.out.write(new byte[(int) padding]);
                external.offset += padding;
                external.out.write(bytes.array());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("could not write " + external.location + ": " + e.getMessage(), e);
            }
            tensor.setDataLocation(TensorProto.DataLocation.EXTERNAL)
                    .addExternalData(entry("location", external.location))
                    .addExternalData(entry("offset", Long.toString(external.offset)))
                    .addExternalData(entry("length", Integer.toString(bytes.capacity())));
            external.offset += bytes.capacity();
        } else {
            tensor.setRawData(ByteString.copyFrom(bytes.array()));
        }
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        graph.addInitializer(tensor);
        return name;
    }

    /** An int64 constant of the given shape (a scalar when no dims are given). */
    public String longs(long[] values, long... dims) {
        String name = prefix + "_const_" + counter++;
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber());
        for (long value : values) {
            tensor.addInt64Data(value);
        }
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        graph.addInitializer(tensor);
        return name;
    }

    public String scalar(float value) {
        String name = prefix + "_const_" + counter++;
        graph.addInitializer(TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).addFloatData(value));
        return name;
    }

    private static ai.onnx.proto.OnnxMl.StringStringEntryProto entry(String key, String value) {
        return ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    public static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    public static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    public static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    public static AttributeProto graph(String name, GraphProto value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.GRAPH).setG(value).build();
    }

    public static AttributeProto[] attributes(AttributeProto... attributes) {
        return attributes;
    }

    /** Dims are numbers (fixed) or strings (symbolic); none at all leaves the shape unknown. */
    public static ValueInfoProto valueInfo(String name, TensorProto.DataType type, Object... dims) {
        TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(type.getNumber());
        if (dims.length > 0) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (Object dim : dims) {
                TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
                if (dim instanceof Number number) {
                    d.setDimValue(number.longValue());
                } else {
                    d.setDimParam(dim.toString());
                }
                shape.addDim(d);
            }
            tensor.setShape(shape);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }
}
