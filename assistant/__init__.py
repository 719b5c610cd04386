"""Vietnamese chat assistant over news articles, with verifiable citations."""
