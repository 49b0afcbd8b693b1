"""Pure rules of the jury: the model, scoring, ranking, statistics and formatting."""
