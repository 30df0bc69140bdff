package tempered.model.synthetic;

import static tempered.model.synthetic.OnnxGraph.attributes;
import static tempered.model.synthetic.OnnxGraph.integer;

import tempered.model.synthetic.OnnxGraph.ElementType;

/**
 * A weight matrix as an export stores it, and the nodes that multiply by it: float32; int8 as ONNX Runtime's
 * {@code quantize_dynamic} leaves it with its defaults (one scale per tensor, zero point 0); or 4 bits as ONNX
 * Runtime's {@code MatMul4BitsQuantizer} leaves it (Microsoft's {@code MatMulNBits}: blocks of
 * {@link #BLOCK} weights along each column, each with its own scale and zero point).
 *
 * <p>4-bit packing, as {@code MatMulNBits} reads it: the weights of output column {@code n} are cut into blocks of
 * {@link #BLOCK} along the input dimension; block {@code b} of column {@code n} is bytes
 * {@code [n][b][0..BLOCK/2)} of {@code B}, two weights per byte, the lower-numbered in the low nibble. A weight
 * {@code q} (0 to 15) stands for {@code (q - zero) * scale}, with {@code scales[n * blocks + b]} and the zero
 * points packed the same way, two per byte, each column's starting on a new byte.
 *
 * @param rows the input size (K)
 * @param columns the output size (N)
 */
record Matrix(String values, String scale, String zeroPoint, Format format, long rows, long columns) {

    /** How the numbers are stored. */
    enum Format {
        FLOAT32,
        INT8,
        Q4
    }

    /** The weights of a 4-bit block share a scale and zero point: {@code MatMulNBits}' {@code block_size}. */
    static final int BLOCK = 16;

    /** Stores a {@code rows x columns} matrix (row-major, {@code x W}) in {@code format} and returns it. */
    static Matrix store(OnnxGraph g, String name, float[] values, Format format, long rows, long columns) {
        return switch (format) {
            case FLOAT32 -> new Matrix(g.floats(name, values, rows, columns), null, null, format, rows, columns);
            case INT8 -> int8(g, name, values, rows, columns);
            case Q4 -> q4(g, name, values, (int) rows, (int) columns);
        };
    }

    /** The same stored numbers read under another node's name (a transposed view of tied embeddings). */
    Matrix withValues(String name, long newRows, long newColumns) {
        return new Matrix(name, scale, zeroPoint, format, newRows, newColumns);
    }

    /**
     * {@code x W}. int8: the activations quantized on the fly to uint8, an integer product, then rescaled; 4 bits:
     * one {@code MatMulNBits}.
     */
    String multiply(OnnxGraph g, String x) {
        switch (format) {
            case FLOAT32:
                return g.op("MatMul", x, values);
            case INT8:
                String[] activations = {g.name("input"), g.name("input_scale"), g.name("input_zero_point")};
                g.opTo("DynamicQuantizeLinear", attributes(), activations, x);
                String product = g.op("MatMulInteger", activations[0], values, activations[2], zeroPoint);
                String rescale = g.op("Mul", activations[1], scale);
                return g.op("Mul", g.op("Cast", attributes(integer("to", ElementType.FLOAT.code)), product), rescale);
            default:
                String output = g.name("MatMulNBits");
                g.opTo(
                        OnnxGraph.MICROSOFT,
                        "MatMulNBits",
                        attributes(
                                integer("K", rows),
                                integer("N", columns),
                                integer("bits", 4),
                                integer("block_size", BLOCK)),
                        new String[] {output},
                        x,
                        values,
                        scale,
                        zeroPoint);
                return output;
        }
    }

    /** Rows picked by id (an embedding lookup), turned back into floats when int8. */
    String gather(OnnxGraph g, String ids) {
        if (format == Format.Q4) {
            throw new IllegalStateException("4-bit exports keep their embeddings in float32; store them so");
        }
        String rows = g.op("Gather", values, ids);
        return format == Format.INT8 ? g.op("DequantizeLinear", rows, scale, zeroPoint) : rows;
    }

    private static Matrix int8(OnnxGraph g, String name, float[] values, long rows, long columns) {
        float largest = 0;
        for (float value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        // Symmetric int8: the largest magnitude maps to 127, zero to 0.
        float scale = largest > 0 ? largest / 127 : 1;
        byte[] quantized = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            quantized[i] = (byte) Math.max(-127, Math.min(127, Math.rint(values[i] / scale)));
        }
        return new Matrix(
                g.bytes(name + "_quantized", ElementType.INT8, quantized, rows, columns),
                g.scalar(scale),
                g.bytes(name + "_zero_point", ElementType.INT8, new byte[] {0}),
                Format.INT8,
                rows,
                columns);
    }

    /** Per block: the range (with 0 in it) spread over 0..15, its zero point the nearest step to 0. */
    private static Matrix q4(OnnxGraph g, String name, float[] values, int rows, int columns) {
        int blocks = (rows + BLOCK - 1) / BLOCK;
        int zeroBytes = (blocks + 1) / 2;
        byte[] packed = new byte[columns * blocks * (BLOCK / 2)];
        float[] scales = new float[columns * blocks];
        byte[] zeros = new byte[columns * zeroBytes];
        for (int n = 0; n < columns; n++) {
            for (int b = 0; b < blocks; b++) {
                float low = 0;
                float high = 0;
                for (int k = b * BLOCK; k < Math.min(rows, (b + 1) * BLOCK); k++) {
                    low = Math.min(low, values[k * columns + n]);
                    high = Math.max(high, values[k * columns + n]);
                }
                float scale = high > low ? (high - low) / 15 : 1;
                int zero = (int) Math.max(0, Math.min(15, Math.rint(-low / scale)));
                scales[n * blocks + b] = scale;
                zeros[n * zeroBytes + b / 2] |= (byte) (zero << (4 * (b % 2)));
                for (int i = 0; i < BLOCK; i++) {
                    int k = b * BLOCK + i;
                    // Past the last row a block is padded with the zero point, which stands for 0.
                    int q = k < rows
                            ? (int) Math.max(0, Math.min(15, Math.rint(values[k * columns + n] / scale) + zero))
                            : zero;
                    packed[(n * blocks + b) * (BLOCK / 2) + i / 2] |= (byte) (q << (4 * (i % 2)));
                }
            }
        }
        return new Matrix(
                g.bytes(name + "_Q4", ElementType.UINT8, packed, columns, blocks, BLOCK / 2),
                g.floats(name + "_scales", scales, (long) columns * blocks),
                g.bytes(name + "_zp", ElementType.UINT8, zeros, (long) columns * zeroBytes),
                Format.Q4,
                rows,
                columns);
    }
}
