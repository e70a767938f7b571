using System.Text.Json;

namespace NasFunctions.SearchSpace.Seq2Seq;

/// <summary>Reads a seq2seq space definition from JSON, reporting every problem at its path.</summary>
internal static class Seq2SeqSpaceReader
{
    public static Seq2SeqSpaceOptions? Read(JsonElement element, string path, List<SpecError> errors) =>
        SpaceReader.Read(element, path, Seq2SeqSpace.KindName, errors, spec =>
        {
            var defaults = new Seq2SeqSpaceOptions();
            IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback) =>
                SpaceReader.List(spec, name, fallback, (e, p) => SpecLists.Read(e, p, errors, SpecJson.ReadInt));
            IReadOnlyList<string> Strings(string name, IReadOnlyList<string> fallback) =>
                SpaceReader.List(spec, name, fallback, (e, p) => SpecLists.ReadStrings(e, p, errors));
            return new Seq2SeqSpaceOptions
            {
                SourceVocabulary = SpaceReader.Required(spec, "sourceVocabulary", defaults.SourceVocabulary),
                TargetVocabulary = SpaceReader.Required(spec, "targetVocabulary", defaults.TargetVocabulary),
                MaxLength = SpaceReader.Required(spec, "maxLength", defaults.MaxLength),
                Encoders = Strings("encoders", defaults.Encoders),
                Decoders = Strings("decoders", defaults.Decoders),
                EncoderLayers = Ints("encoderLayers", defaults.EncoderLayers),
                DecoderLayers = Ints("decoderLayers", defaults.DecoderLayers),
                Embedding = Ints("embedding", defaults.Embedding),
                Width = Ints("width", defaults.Width),
                Heads = Ints("heads", defaults.Heads),
                FeedForward = Ints("feedForward", defaults.FeedForward),
                Norm = Strings("norm", defaults.Norm),
                TiedEmbeddings = SpaceReader.List(spec, "tiedEmbeddings", defaults.TiedEmbeddings, (e, p) => SpecLists.Read(e, p, errors, SpecJson.ReadBool)),
                Dropout = SpaceReader.List(spec, "dropout", defaults.Dropout, (e, p) => SpecLists.Read(e, p, errors, SpecJson.ReadDouble)),
            };
        }, (options, at) => options.Validate(at));
}
