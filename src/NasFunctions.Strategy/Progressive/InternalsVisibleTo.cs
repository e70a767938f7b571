using System.Runtime.CompilerServices;

// The predictor's tests check it on known functions.
[assembly: InternalsVisibleTo("NasFunctions.Strategy.Tests")]
