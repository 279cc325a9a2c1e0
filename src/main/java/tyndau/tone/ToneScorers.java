package tyndau.tone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The service's {@link ToneScorer}: the shipped model, with the lexicon as its explainer and fallback. */
@ApplicationScoped
class ToneScorers {
    @Produces
    @ApplicationScoped
    ToneScorer scorer(LexiconToneScorer lexicon) {
        return ModelToneScorer.shipped(lexicon);
    }
}
