import vader from 'vader-sentiment';

/** VADER scores of one text. */
export interface PolarityScores {
  neg: number;
  neu: number;
  pos: number;
  compound: number;
}

/**
 * VADER polarity scores of `text`.
 * Interim: delegates to the `vader-sentiment` port while the faithful 3.3.2 implementation is written.
 */
export function polarityScores(text: string): PolarityScores {
  return vader.SentimentIntensityAnalyzer.polarity_scores(text) as PolarityScores;
}
