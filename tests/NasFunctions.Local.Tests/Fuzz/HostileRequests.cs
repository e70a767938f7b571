using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace NasFunctions.Local.Tests.Fuzz;

/// <summary>One hostile request: what it tries, which host it goes to, and how to build it.</summary>
public sealed record HostileRequest(string Group, string Label, bool ToKeyedHost, Func<HttpRequestMessage> Build)
{
    public override string ToString() => $"{Group}: {Label}";
}

/// <summary>The generators of hostile requests, one per kind of attack; each turns a few seeds into many requests.</summary>
public static class HostileRequests
{
    /// <summary>A spec the host would accept and run (one tiny trial): what the refusals protect.</summary>
    public const string ValidSpec = """
        {"name":"fuzz","space":{"kind":"macro-cnn","minBlocks":1,"maxBlocks":1,"operations":["conv3x3"],"channels":[8],"batchNorm":[false],"skip":[false]},
         "budget":{"rounds":1,"candidatesPerRound":1},"training":{"epochs":1,"dataFraction":0.01}}
        """;

    private static readonly string[] Routes = ["api/searches", "api/searches/s20260101-000000-abcdef", "api/searches/s20260101-000000-abcdef/trials",
        "api/searches/s20260101-000000-abcdef/trials/r0000-c00/weights", "", "api", "api/searches/s1/trials/r0000-c00",
        "api/searches/s20260101-000000-abcdef/cancel", "api/searches/s20260101-000000-abcdef/resume"];

    /// <summary>Every generator's requests against hosts on <paramref name="port"/> (open) with the data root and outside folder given.</summary>
    public static IEnumerable<HostileRequest> All(string root, string outside, int port) =>
        new Func<IEnumerable<HostileRequest>>[]
        {
            () => Paths(root, outside),
            Translation,
            Encodings,
            Sizes,
            Types,
            DuplicateKeys,
            HugeNumbers,
            Methods,
            Ids,
            Control,
            ContentTypes,
            () => CrossOrigin(port),
            () => WrongHost(port),
            Keys,
        }.SelectMany(generator => generator());

    private static IEnumerable<HostileRequest> Paths(string root, string outside)
    {
        string[] paths =
        [
            "/etc/shadow", "/etc/passwd", "../../etc/passwd", "../../../../../../etc/passwd", "/proc/self/environ", "/proc/self/cmdline",
            "/dev/zero", "/dev/urandom", "/dev/stdin", "/", "/etc", "/tmp", "~/.ssh/id_rsa", "file:///etc/passwd", "\\\\server\\share\\x.csv",
            "C:\\Windows\\win.ini", "/usr/share/datasets/../../../etc/passwd", "relative.csv", "./wine.csv", " ", "",
            "/etc/passwd\u0000.csv", $"{root}/leak.csv", $"{root}/leakdir/secret.csv", $"{root}/leakdir", $"{root}/../{Path.GetFileName(outside)}/secret.csv",
            $"{root}/empty.csv", $"{root}/missing.csv", $"{outside}/secret.csv", $"{outside}/missing.csv", "/" + new string('a', 5_000),
            "blob:../../etc/passwd", "blob:/etc/passwd", "blob:", "blob:a\\b.csv",
        ];
        foreach (var path in paths)
        {
            yield return Post("paths", $"csv path {Show(path)}", Spec(s => s["dataset"] = Dataset("csv", path), mlp: true));
            yield return Post("paths", $"idx path {Show(path)}", Spec(s => s["dataset"] = Dataset("fashion-mnist", path)));
            yield return Post("paths", $"tsv path {Show(path)}", Spec(s => s["dataset"] = Dataset("parallel-tsv", path), seq2seq: true));
        }
    }

    private static IEnumerable<HostileRequest> Translation()
    {
        (string Field, string Value)[] fields =
        [
            ("decoding.beamWidth", "0"), ("decoding.beamWidth", "17"), ("decoding.beamWidth", "1e9"), ("decoding.beamWidth", "-1"),
            ("decoding.beamWidth", "\"4\""), ("decoding.fitness", "\"accuracy\""), ("decoding.fitness", "\"\""), ("decoding.fitness", "7"),
            ("decoding.examples", "21"), ("decoding.examples", "-1"), ("decoding.examples", "2147483648"), ("decoding.maxLength", "10"),
            ("decoding", "[]"), ("decoding", "\"greedy\""), ("dataset.tokenizer", "\"words\""), ("dataset.tokenizer", "\"\""),
            ("dataset.tokenizer", "{}"), ("dataset.tokenizer", "[\"bpe\"]"), ("dataset.maxVocabulary", "4"),
            ("dataset.maxVocabulary", "64001"), ("dataset.maxVocabulary", "10000000"), ("space.maxLength", "1025"), ("space.maxLength", "0"),
            ("space.maxLength", "2147483648"), ("space.sourceVocabulary", "4"), ("space.encoders", "[\"cnn\"]"), ("space.heads", "[3]"),
            ("space.encoderLayers", "[13]"), ("space.dropout", "[1]"), ("dataset.name", "\"fashion-mnist\""),
        ];
        foreach (var (field, value) in fields)
        {
            yield return Post("translation", $"{field} = {value}", Spec(s => Set(s, field, Parse(value)), seq2seq: true));
        }

        yield return Post("translation", "decoding on an image search", Spec(s => s["decoding"] = Parse("""{"beamWidth":2}""")));
        yield return Post("translation", "tokenizer on an image data set", Spec(s => Set(s, "dataset.tokenizer", Parse("\"char\""))));
        yield return Post("translation", "seq2seq space on a csv", Spec(s => s["dataset"] = Dataset("csv", "blob:wine.csv"), seq2seq: true));
    }

    private static IEnumerable<HostileRequest> Encodings()
    {
        const string Invalid = """{"budget":{"rounds":0}""";
        yield return Post("encodings", "lone high surrogate in name", """{"name":"a\ud800b"}""");
        yield return Post("encodings", "lone low surrogate in name", """{"name":"\udc00"}""");
        yield return Post("encodings", "lone surrogate as a key", """{"\ud800":1}""");
        yield return Post("encodings", "lone surrogate in a nested key", """{"strategy":{"name":"random","options":{"\udbff":1}}}""");
        yield return Post("encodings", "lone surrogate in dataset path", """{"dataset":{"name":"csv","path":"/data/\ud800.csv"}}""");
        yield return Post("encodings", "reversed surrogate pair", """{"name":"\udc00\ud800"}""");
        yield return Post("encodings", "NUL escaped in name", """{"name":"a\u0000b"}""");
        yield return Post("encodings", "NUL escaped in a key", """{"na\u0000me":"x"}""");
        yield return PostBytes("encodings", "raw NUL in a string", Bytes("{\"name\":\"a\0b\"}"));
        yield return PostBytes("encodings", "raw NUL outside strings", Bytes("{\0}"));
        yield return PostBytes("encodings", "invalid UTF-8 bytes", [0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]);
        yield return PostBytes("encodings", "overlong UTF-8 slash", [0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D]);
        yield return PostBytes("encodings", "truncated UTF-8 sequence", [0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xE2, 0x82, 0x22, 0x7D]);
        yield return PostBytes("encodings", "UTF-8 BOM before an invalid spec", [0xEF, 0xBB, 0xBF, .. Bytes(Invalid + "}")]);
        yield return PostBytes("encodings", "two BOMs", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Bytes("{}")]);
        yield return PostBytes("encodings", "UTF-16 BOM before an invalid spec", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Invalid + "}")]);
        yield return PostBytes("encodings", "UTF-32 text", Encoding.UTF32.GetBytes(Invalid + "}"));
        yield return PostBytes("encodings", "empty body", []);
        yield return PostBytes("encodings", "only whitespace", Bytes("  \n\t "));
        yield return Post("encodings", "right-to-left override in name", "{\"name\":\"a\u202Eb\",\"budget\":{\"rounds\":0}}");
        yield return Post("encodings", "JSON with comments and an error", "/* c */ {\"budget\":{\"rounds\":0}} // c");
        yield return Post("encodings", "two documents", "{} {}");
        yield return Post("encodings", "single quotes", "{'name':'x'}");
        yield return Post("encodings", "NaN literal", "{\"seed\":NaN}");
    }

    private static IEnumerable<HostileRequest> Sizes()
    {
        yield return Post("sizes", "name of 201 characters", Spec(s => s["name"] = new string('n', 201)));
        yield return Post("sizes", "name of 32,001 characters", Spec(s => s["name"] = new string('n', 32_001)));
        yield return Post("sizes", "name of 500,000 characters", Spec(s => s["name"] = new string('n', 500_000)));
        yield return Post("sizes", "name of 100,000 emoji", Spec(s => s["name"] = string.Concat(Enumerable.Repeat("\U0001F600", 100_000))));
        yield return Post("sizes", "body just over 1 MiB", ValidSpec + new string(' ', (1 << 20) + 1));
        yield return Post("sizes", "body of 8 MiB", "{\"name\":\"" + new string('x', 8 << 20) + "\"}");
        yield return PostStream("sizes", "chunked body over 1 MiB", Bytes(ValidSpec + new string(' ', 2 << 20)));
        yield return Post("sizes", "nesting 65 arrays deep", new string('[', 65) + new string(']', 65));
        yield return Post("sizes", "nesting 5,000 arrays deep", new string('[', 5_000) + new string(']', 5_000));
        yield return Post("sizes", "nesting 10,000 objects deep", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000));
        yield return Post("sizes", "strategy options 60 objects deep", "{\"strategy\":{\"name\":\"random\",\"options\":" +
            string.Concat(Enumerable.Repeat("{\"a\":", 60)) + "1" + new string('}', 60) + "}}");
        yield return Post("sizes", "20,000 unknown fields", "{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"f{i}\":{i}")) + "}");
        yield return Post("sizes", "100,000 channels", Spec(s => s["space"]!["channels"] = new JsonArray(Enumerable.Range(0, 100_000).Select(_ => (JsonNode)0).ToArray())));
        yield return Post("sizes", "100,000 operations", Spec(s => s["space"]!["operations"] = new JsonArray(Enumerable.Range(0, 100_000).Select(_ => (JsonNode)"nope").ToArray())));
        yield return Post("sizes", "a layer of 2^31-1 channels", Spec(s => s["space"]!["channels"] = new JsonArray(int.MaxValue)));
        yield return Post("sizes", "nas-bench-201 with a million cells", Spec(s => s["space"] = Parse("""{"kind":"nas-bench-201","cellsPerStage":1000000}""")));
        yield return Post("sizes", "nas-bench-201 of 2^31-1 channels", Spec(s => s["space"] = Parse("""{"kind":"nas-bench-201","channels":2147483647}""")));
        yield return Post("sizes", "10 million trials", Spec(s => s["budget"] = Parse("""{"rounds":10000,"candidatesPerRound":1000}""")));
    }

    private static IEnumerable<HostileRequest> Types()
    {
        string[] fields =
        [
            "name", "seed", "space", "space.kind", "space.channels", "space.operations", "space.minBlocks", "dataset", "dataset.name",
            "dataset.path", "dataset.validationFraction", "budget", "budget.rounds", "budget.candidatesPerRound", "budget.maxTrials",
            "training", "training.epochs", "training.threads", "training.batchSize", "training.learningRate", "training.earlyStopping",
            "strategy", "strategy.name", "strategy.options",
        ];
        string[] values = ["\"12\"", "1.5", "-1", "[]", "{}", "null", "true", "[[[null]]]"];
        foreach (var field in fields)
        {
            foreach (var value in values)
            {
                // "fuzz" is an unknown field: with it no mutation can make a spec the host would run, yet every field is still read.
                yield return Post("types", $"{field} = {value}", Spec(s =>
                {
                    Set(s, field, Parse(value));
                    s["fuzz"] = true;
                }));
            }
        }

        foreach (var root in new[] { "[]", "\"spec\"", "42", "null", "true", "[{}]" })
        {
            yield return Post("types", $"root is {root}", root);
        }
    }

    private static IEnumerable<HostileRequest> DuplicateKeys()
    {
        yield return Post("duplicates", "name twice", """{"name":"a","name":"b"}""");
        yield return Post("duplicates", "seed twice", """{"seed":1,"seed":2}""");
        yield return Post("duplicates", "budget twice", """{"budget":{"rounds":1},"budget":{"rounds":2}}""");
        yield return Post("duplicates", "rounds twice", """{"budget":{"rounds":1,"rounds":2}}""");
        yield return Post("duplicates", "epochs twice", """{"training":{"epochs":1,"epochs":1}}""");
        yield return Post("duplicates", "dataset path twice", """{"dataset":{"name":"csv","path":"blob:a.csv","path":"/etc/passwd"}}""");
        yield return Post("duplicates", "space kind twice", """{"space":{"kind":"macro-cnn","kind":"mlp"}}""");
        yield return Post("duplicates", "strategy option twice", """{"strategy":{"name":"evolution","options":{"populationSize":4,"populationSize":5}}}""");
        yield return Post("duplicates", "duplicate inside an array item", """{"space":{"kind":"custom","parameters":[{"a":1,"a":2}]}}""");
        yield return Post("duplicates", "keys equal once unescaped", """{"name":"a","n\u0061me":"b"}""");
        yield return Post("duplicates", "keys that differ in case", """{"name":"a","Name":"b"}""");
    }

    private static IEnumerable<HostileRequest> HugeNumbers()
    {
        (string Field, string Value)[] numbers =
        [
            ("seed", "1e400"), ("seed", "99999999999999999999999"), ("seed", "-1e308"), ("seed", "2147483648"), ("seed", "1.0000000000000001"),
            ("budget.rounds", "2147483648"), ("budget.rounds", "1e3"), ("budget.candidatesPerRound", "-2147483649"), ("budget.maxTrials", "10001"),
            ("training.epochs", "1e10"), ("training.epochs", "1001"), ("training.threads", "1000000"), ("training.threads", "-1"),
            ("training.batchSize", "-0"), ("training.batchSize", "1e-320"), ("training.learningRate", "1e309"), ("training.learningRate", "-0.0"),
            ("training.dataFraction", "4.9e-324"), ("dataset.validationFraction", "0.5000000000000001"), ("dataset.maxVocabulary", "1e12"),
            ("budget.maxParallelTrials", "9223372036854775808"), ("space.minBlocks", "123456789012345678901234567890"),
        ];
        foreach (var (field, value) in numbers)
        {
            yield return Post("numbers", $"{field} = {value}", Spec(s =>
            {
                Set(s, field, Parse(value));
                s["fuzz"] = true;
            }));
        }
    }

    private static IEnumerable<HostileRequest> Methods()
    {
        foreach (var route in Routes)
        {
            foreach (var method in new[] { "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "FOO" })
            {
                yield return Send("methods", $"{method} /{route}", false, () => new HttpRequestMessage(new HttpMethod(method), route)
                {
                    Content = new StringContent(ValidSpec, Encoding.UTF8, "application/json"),
                });
            }
        }

        foreach (var route in Routes.Skip(1))
        {
            yield return Send("methods", $"POST /{route}", false, () => new HttpRequestMessage(HttpMethod.Post, route)
            {
                Content = new StringContent(ValidSpec, Encoding.UTF8, "application/json"),
            });
        }
    }

    private static IEnumerable<HostileRequest> Ids()
    {
        string[] ids =
        [
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5C..%5Cwindows", new string('a', 3_000),
            Uri.EscapeDataString("s😀"), Uri.EscapeDataString("s\u202Eb"), "'%3B%20DROP%20TABLE%20Searches", "s2026*", "%24filter",
            "%20", "-leading-dash", "s20260101-000000-abcdef", "%ED%A0%80", "PartitionKey%20eq%20'search'",
        ];
        foreach (var id in ids)
        {
            yield return Get("ids", $"search {Show(id)}", $"api/searches/{id}");
            yield return Get("ids", $"trials of {Show(id)}", $"api/searches/{id}/trials");
            yield return Get("ids", $"weights of {Show(id)}", $"api/searches/{id}/trials/r0000-c00/weights");
            yield return Get("ids", $"weights of trial {Show(id)}", $"api/searches/s20260101-000000-abcdef/trials/{id}/weights");
            yield return Send("ids", $"cancel {Show(id)}", false, () => Request(HttpMethod.Post, $"api/searches/{id}/cancel", "{}"));
            yield return Send("ids", $"resume {Show(id)}", false, () => Request(HttpMethod.Post, $"api/searches/{id}/resume", "{}"));
        }
    }

    /// <summary>The control routes with hostile modes, bodies and content types, on a search that does not exist.</summary>
    private static IEnumerable<HostileRequest> Control()
    {
        const string Cancel = "api/searches/s20260101-000000-abcdef/cancel";
        const string Resume = "api/searches/s20260101-000000-abcdef/resume";
        string[] modes =
        [
            "bogus", "TERMINATE", "Finish", "terminate&mode=finish", "terminate%00", "%E2%80%AEterminate", new string('t', 5_000), "%ED%A0%80",
            "terminate;drop", "1", "true", "%20terminate",
        ];
        foreach (var mode in modes)
        {
            yield return Send("control", $"cancel mode {Show(mode)}", false, () => Request(HttpMethod.Post, $"{Cancel}?mode={mode}", "{}"));
        }

        foreach (var route in new[] { Cancel, Resume, Cancel + "?mode=terminate" })
        {
            yield return Send("control", $"POST /{route} without a body", false, () => new HttpRequestMessage(HttpMethod.Post, route));
            yield return Send("control", $"POST /{route} as a form", false, () => new HttpRequestMessage(HttpMethod.Post, route)
            {
                Content = new FormUrlEncodedContent([new("mode", "terminate")]),
            });
            yield return Send("control", $"POST /{route} with a spec", false, () => Request(HttpMethod.Post, route, ValidSpec));
            yield return Send("control", $"POST /{route} with broken JSON", false, () => Request(HttpMethod.Post, route, "{\"mode\":"));
            yield return Send("control", $"GET /{route}", false, () => Request(HttpMethod.Get, route, null));
            yield return Send("control", $"POST /{route} from another origin", false, () => With(Request(HttpMethod.Post, route, "{}"), r => r.Headers.Add("Origin", "http://evil.example")));
        }

        yield return Send("control", "cancel of a trial", false, () => Request(HttpMethod.Post, "api/searches/s20260101-000000-abcdef/trials/r0000-c00/cancel", "{}"));
        yield return Send("control", "resume of no id", false, () => Request(HttpMethod.Post, "api/searches//resume", "{}"));
        yield return Send("control", "cancel with a trailing segment", false, () => Request(HttpMethod.Post, Cancel + "/now", "{}"));
    }

    /// <summary>Request lines Kestrel itself refuses (a NUL in the path) with a bare 400 before any application code runs.</summary>
    public static IEnumerable<string> UnparsablePaths() => ["api/searches/%00", "api/searches/a%00b/trials", "api/%00/searches"];

    private static IEnumerable<HostileRequest> ContentTypes()
    {
        string?[] types =
        [
            null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp",
            "application/json-patch+json", "text/json", "*/*", "application/xml", "application/javascript", "json", "application/",
        ];
        foreach (var type in types)
        {
            yield return PostBytes("content types", $"valid spec as {type ?? "no content type"}", Bytes(ValidSpec), type);
        }
    }

    private static IEnumerable<HostileRequest> CrossOrigin(int port)
    {
        string[] origins =
        [
            "http://evil.example", "null", $"http://127.0.0.1:{port + 1}", $"https://127.0.0.1:{port}", $"http://localhost.evil.example:{port}",
            $"http://127.0.0.1:{port}.evil.example", "http://[::1]:1", "file://",
        ];
        foreach (var origin in origins)
        {
            yield return PostWith("cross-origin", $"POST from {origin}", request => request.Headers.Add("Origin", origin));
            yield return GetWith("cross-origin", $"GET from {origin}", request => request.Headers.Add("Origin", origin));
        }

        yield return PostWith("cross-origin", "Sec-Fetch-Site cross-site", request => request.Headers.Add("Sec-Fetch-Site", "cross-site"));
        yield return PostWith("cross-origin", "Sec-Fetch-Site same-site", request => request.Headers.Add("Sec-Fetch-Site", "same-site"));
        yield return GetWith("cross-origin", "GET with Sec-Fetch-Site cross-site", request => request.Headers.Add("Sec-Fetch-Site", "cross-site"));
    }

    private static IEnumerable<HostileRequest> WrongHost(int port)
    {
        string[] hosts =
        [
            "evil.example", $"evil.example:{port}", $"127.0.0.1:{port + 1}", "localhost:1", $"127.0.0.2:{port}", "[::1]:1",
            $"0.0.0.0:{port}", $"127.0.0.1.nip.io:{port}", "localhost", $"localhost.evil.example:{port}", $"192.168.1.1:{port}",
        ];
        foreach (var host in hosts)
        {
            yield return PostWith("wrong host", $"POST with Host {host}", request => request.Headers.Host = host);
            yield return GetWith("wrong host", $"GET with Host {host}", request => request.Headers.Host = host);
        }
    }

    private static IEnumerable<HostileRequest> Keys()
    {
        (string Label, Action<HttpRequestMessage> Add)[] keys =
        [
            ("no key", _ => { }),
            ("wrong key", r => r.Headers.Add("x-api-key", "wrong")),
            ("key in another case", r => r.Headers.Add("x-api-key", FuzzHostFixture.ApiKey.ToUpperInvariant())),
            ("key with a character more", r => r.Headers.Add("x-api-key", FuzzHostFixture.ApiKey + "x")),
            ("a prefix of the key", r => r.Headers.Add("x-api-key", FuzzHostFixture.ApiKey[..5])),
            ("empty bearer", r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer ")),
            ("basic credentials", r => r.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(Bytes("a:" + FuzzHostFixture.ApiKey)))),
            ("key as a query string", r => r.RequestUri = new Uri(r.RequestUri!.OriginalString + "?code=" + FuzzHostFixture.ApiKey, UriKind.Relative)),
        ];
        foreach (var (label, add) in keys)
        {
            yield return Send("keys", $"POST with {label}", true, () => With(Request(HttpMethod.Post, "api/searches", ValidSpec), add));
            yield return Send("keys", $"GET with {label}", true, () => With(Request(HttpMethod.Get, "api/searches", null), add));
        }
    }

    private static HostileRequest Post(string group, string label, string body) =>
        Send(group, label, false, () =>
        {
            var request = Request(HttpMethod.Post, "api/searches", body);
            request.Headers.ExpectContinue = body.Length > 1 << 20; // as curl does: a big body waits for the host's go-ahead
            return request;
        });

    private static HostileRequest PostBytes(string group, string label, byte[] body, string? contentType = "application/json") =>
        Send(group, label, false, () =>
        {
            var content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            return new HttpRequestMessage(HttpMethod.Post, "api/searches") { Content = content };
        });

    private static HostileRequest PostStream(string group, string label, byte[] body) =>
        Send(group, label, false, () =>
        {
            var content = new StreamContent(new UnseekableStream(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var request = new HttpRequestMessage(HttpMethod.Post, "api/searches") { Content = content };
            request.Headers.ExpectContinue = true;
            return request;
        });

    private static HostileRequest PostWith(string group, string label, Action<HttpRequestMessage> add) =>
        Send(group, label, false, () => With(Request(HttpMethod.Post, "api/searches", ValidSpec), add));

    private static HostileRequest Get(string group, string label, string path) =>
        Send(group, label, false, () => Request(HttpMethod.Get, path, null));

    private static HostileRequest GetWith(string group, string label, Action<HttpRequestMessage> add) =>
        Send(group, label, false, () => With(Request(HttpMethod.Get, "api/searches", null), add));

    private static HostileRequest Send(string group, string label, bool keyed, Func<HttpRequestMessage> build) => new(group, label, keyed, build);

    private static HttpRequestMessage Request(HttpMethod method, string path, string? body) =>
        new(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage With(HttpRequestMessage request, Action<HttpRequestMessage> add)
    {
        add(request);
        return request;
    }

    private static string Spec(Action<JsonObject> change, bool mlp = false, bool seq2seq = false)
    {
        var spec = Parse(ValidSpec)!.AsObject();
        if (mlp)
        {
            spec["space"] = Parse("""{"kind":"mlp","inputs":1,"classes":2}""");
        }

        if (seq2seq)
        {
            spec["space"] = Parse("""{"kind":"seq2seq","sourceVocabulary":40,"targetVocabulary":40,"maxLength":16,"encoders":["gru"],"decoders":["gru"]}""");
            spec["dataset"] ??= Parse("""{"name":"cmudict"}""");
        }

        change(spec);
        return spec.ToJsonString();
    }

    private static JsonObject Dataset(string name, string path) => new() { ["name"] = name, ["path"] = path };

    private static void Set(JsonObject spec, string dotted, JsonNode? value)
    {
        var parts = dotted.Split('.');
        var at = spec;
        foreach (var part in parts[..^1])
        {
            if (at[part] is not JsonObject next)
            {
                next = [];
                at[part] = next;
            }

            at = next;
        }

        at[parts[^1]] = value;
    }

    private static JsonNode? Parse(string json) => JsonNode.Parse(json);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Show(string text) => text.Length > 40 ? text[..40] + $"...({text.Length})" : text;

    /// <summary>A stream that hides its length, so the client sends it chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
