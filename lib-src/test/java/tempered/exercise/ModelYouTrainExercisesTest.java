package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tempered.ngram.NGramModel;
import tempered.ngram.TemperatureNotes;

class ModelYouTrainExercisesTest {
    private static final String NOTES = TemperatureNotes.text();
    private static final NGramModel MODEL = NGramModel.train(NOTES, 3, 0.1);

    @Test
    void risesAfterTheTemperature() {
        // The solution: the blend from the shortest context up, each level keeping 0.9 for its own counts.
        Map<String, Integer> two = MODEL.followers(MODEL.tokenizer().encode("the temperature"));
        Map<String, Integer> one = MODEL.followers(MODEL.tokenizer().encode("temperature"));
        Map<String, Integer> none = MODEL.followers();
        double twoTotal = two.values().stream().mapToInt(Integer::intValue).sum();
        double oneTotal = one.values().stream().mapToInt(Integer::intValue).sum();
        double noneTotal = none.values().stream().mapToInt(Integer::intValue).sum();
        double p = 0.9 * none.getOrDefault("rises", 0) / noneTotal
                + 0.1 / MODEL.tokenizer().size();
        p = 0.9 * one.getOrDefault("rises", 0) / oneTotal + 0.1 * p;
        double answer = 0.9 * two.getOrDefault("rises", 0) / twoTotal + 0.1 * p;
        Verdicts.right(ModelYouTrainExercises.risesAfterTheTemperature(answer, MODEL));
        // The two-word counts alone (2 of 18), and one count too many (3 of 18) in the blend.
        assertEquals(2, two.get("rises"));
        Verdicts.notYet(ModelYouTrainExercises.risesAfterTheTemperature(2 / twoTotal, MODEL));
        Verdicts.notYet(ModelYouTrainExercises.risesAfterTheTemperature(answer + 0.9 / twoTotal, MODEL));
    }

    @Test
    void bigramNovelty() {
        String prompt = "At a high temperature";
        Verdicts.right(ModelYouTrainExercises.bigramNovelty("higher", NOTES, MODEL, prompt));
        Verdicts.right(ModelYouTrainExercises.bigramNovelty(" Higher", NOTES, MODEL, prompt));
        Verdicts.notYet(ModelYouTrainExercises.bigramNovelty("lower", NOTES, MODEL, prompt));
        assertEquals(
                "not yet: answer \"higher\" or \"lower\", not \"more\"; try again",
                ModelYouTrainExercises.bigramNovelty("more", NOTES, MODEL, prompt));
    }
}
