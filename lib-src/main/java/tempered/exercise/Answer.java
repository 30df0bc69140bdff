package tempered.exercise;

/**
 * The placeholders an exercise cell starts from, so that the answer a learner types in their place compiles:
 * {@code Double.NaN} for a number with decimals, {@link #NONE} for a whole number, {@code null} for a text.
 *
 * <p>A whole-number answer is declared {@code int} or {@code long}, never {@code Integer} or {@code Long}: with a
 * boxed type, {@code Long bytes = 7372800;} does not compile (an {@code int} literal is not boxed into a
 * {@code Long}), with a primitive it does. A primitive has no {@code null}, hence this constant, which fits both
 * {@code int} and {@code long} and is never a count's true value.
 *
 * <pre>{@code
 * long bytes = Answer.NONE;   // your answer here
 * Answer.NONE;                // -2147483648
 * }</pre>
 */
public final class Answer {
    /** The whole-number placeholder: "no answer yet". Checks say so instead of judging it. */
    public static final int NONE = Integer.MIN_VALUE;

    private Answer() {}
}
