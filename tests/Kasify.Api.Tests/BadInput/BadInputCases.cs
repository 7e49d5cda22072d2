using System.Text;
using System.Text.Json;
using Kasify.Api.Tests.Roles;

namespace Kasify.Api.Tests.BadInput;

/// <summary>
/// Builds the bad-input requests for one documented operation from its schema: for every body field nulls, wrong types,
/// control characters, lone surrogates, invalid UTF-8, duplicate keys, numbers out of range and extreme dates; for the
/// body as a whole wrong content types, empty and malformed documents, unknown fields and a 1 MB string; for every query
/// and path parameter the same text attacks, malformed values, huge values and extreme dates. Random choices come from
/// the seeded <paramref name="random"/>, so every run sends the same requests.
/// </summary>
internal sealed class BadInputCases(WireSchemas schemas, BadInputSamples samples, Random random)
{
    private const int HugeBodyString = 1024 * 1024;
    private const int HugeUrlValue = 8 * 1024;
    private const string NoSuchId = "0badf00d-0000-4000-8000-000000000000";

    private static readonly char[] ControlCharacters = ['\0', '\u0001', '\b', '\u000B', '\u000C', '\r', '\u001B', '\u001F', '\u007F', '\u0080', '\u0085', '\u009B', '\u009F'];
    private static readonly string[] LoneSurrogates = ["\ud800", "\udfff", "x\udc00", "\ud800\ud800"];
    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC0, 0x80], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]];
    private static readonly string[] ExtremeDates = ["0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01"];
    private static readonly string[] ExtremeInstants =
        ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z"];
    private static readonly string[] WrongTypes = ["123", "-1.5", "true", "{}", "[]", "\"text\""];
    private static readonly string[] WrongContentTypes = ["text/plain", "application/xml", "application/x-www-form-urlencoded"];
    private static readonly string[] NotAnObject = ["[]", "42", "\"text\"", "true"];
    private static readonly string[] Malformed = ["{", "{\"a\":", "{\"a\" 1}", "}", "{} x", "{\"a\":1,}", "{/* comment */}", "{'a':1}"];

    /// <summary>The cases for <paramref name="operation"/> with <paramref name="body"/> (null: the operation takes none).</summary>
    public async Task<List<BadInputCase>> ForAsync(DocumentedOperation operation, DocumentedBody? body, IReadOnlyDictionary<string, string> path)
    {
        var method = new HttpMethod(operation.Method);
        var url = Url(operation.Template, path, query: null);
        var cases = new List<BadInputCase>();
        var takesJson = body is { IsJson: true };

        if (body is null)
        {
            cases.Add(new("no body", method, url, null, null, MustReject: false));
            cases.Add(new("a body it does not take", method, url, RawJson.Text("{\"fuzz\":\"\\u0000\"}"), "application/json", MustReject: false));
        }
        else if (takesJson)
        {
            cases.AddRange(JsonBodyCases(method, url, body));
        }
        else
        {
            cases.AddRange(await FormBodyCasesAsync(method, url));
        }

        foreach (var parameter in operation.Parameters)
        {
            cases.AddRange(ParameterCases(operation, method, path, parameter, body is null ? null : samples.Body(body), body?.ContentType));
        }

        return cases;
    }

    private IEnumerable<BadInputCase> JsonBodyCases(HttpMethod method, string url, DocumentedBody body)
    {
        var contentType = body.ContentType;
        var baseline = samples.Body(body);
        BadInputCase Send(string description, byte[]? content, bool mustReject, string? type = null) =>
            new($"{body.SchemaName}: {description}", method, url, content, type ?? contentType, mustReject);

        yield return Send("the valid body", RawJson.Object(Named(baseline)), mustReject: false);
        yield return Send("an empty body", [], mustReject: false);
        yield return Send("no body at all", null, mustReject: false, type: null);
        yield return Send("the literal null", RawJson.Text("null"), mustReject: false);
        foreach (var wrongType in WrongContentTypes)
        {
            yield return Send($"content type {wrongType}", RawJson.Object(Named(baseline)), mustReject: true, type: wrongType);
        }

        yield return new($"{body.SchemaName}: no content type", method, url, RawJson.Object(Named(baseline)), null, MustReject: true);
        foreach (var document in NotAnObject)
        {
            yield return Send($"the document {document}", RawJson.Text(document), mustReject: true);
        }

        foreach (var document in Malformed)
        {
            yield return Send($"malformed JSON {document}", RawJson.Text(document), mustReject: true);
        }

        yield return Send("nesting 200 deep", RawJson.Text("{\"fuzz\":" + new string('[', 200) + new string(']', 200) + "}"), mustReject: true);
        yield return Send("an unknown field", RawJson.Object(Named([.. baseline, ("fuzz_unknown", RawJson.Text("1"))])), mustReject: true);
        yield return Send("a field name of invalid UTF-8", RawJson.Object([.. Named(baseline), ([.. "\""u8, 0xFF, .. "\""u8], RawJson.Text("1"))]), mustReject: true);
        yield return Send("a field name with a lone surrogate", RawJson.Object([.. Named(baseline), (RawJson.String("\ud800"), RawJson.Text("1"))]), mustReject: true);

        var fields = schemas.Properties(body.Schema);
        var hugeTarget = fields.FirstOrDefault(field => WireSchemas.Kind(field.Schema) == "string" && WireSchemas.Format(field.Schema) is null).Name ?? "fuzz_huge";
        yield return Send($"a 1 MB {hugeTarget}", RawJson.Object(Named(With(baseline, hugeTarget, RawJson.String(new string('a', HugeBodyString))))), mustReject: true);

        foreach (var (name, schema) in fields)
        {
            foreach (var (description, value, mustReject) in ValueCases(schema))
            {
                yield return Send($"{name} {description}", RawJson.Object(Named(With(baseline, name, value))), mustReject);
            }

            var first = baseline.FirstOrDefault(field => field.Name == name).Value ?? BadInputSamples.Value(schema);
            var duplicated = With(baseline, name, first);
            duplicated.Add((name, WireSchemas.Kind(schema) == "string" ? RawJson.String("other") : RawJson.Text("null")));
            yield return Send($"{name} twice", RawJson.Object(Named(duplicated)), mustReject: true);
        }
    }

    private static async Task<List<BadInputCase>> FormBodyCasesAsync(HttpMethod method, string url)
    {
        var cases = new List<BadInputCase>();
        async Task AddFormAsync(string description, MultipartFormDataContent form, bool mustReject)
        {
            using (form)
            {
                cases.Add(new(description, method, url, await form.ReadAsByteArrayAsync(), form.Headers.ContentType!.ToString(), mustReject));
            }
        }

        using var request = RoleMatrixArrangement.CoverImageUpload(Guid.Empty);
        cases.Add(new("the valid form", method, url, await request.Content!.ReadAsByteArrayAsync(), request.Content.Headers.ContentType!.ToString(), MustReject: false));
        await AddFormAsync("a form without parts", [], mustReject: true);
        await AddFormAsync("a form without a file part", new MultipartFormDataContent { { new StringContent("x"), "other" } }, mustReject: true);
        await AddFormAsync("a file that is text", new MultipartFormDataContent { { new ByteArrayContent("hello"u8.ToArray()), "file", "cover.png" } }, mustReject: true);
        cases.Add(new("a JSON body", method, url, RawJson.Text("{\"file\":\"x\"}"), "application/json", MustReject: true));
        cases.Add(new("an empty body", method, url, [], "multipart/form-data; boundary=fuzz", MustReject: true));
        cases.Add(new("a truncated form", method, url, RawJson.Text("--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0089PNG"), "multipart/form-data; boundary=fuzz", MustReject: true));
        return cases;
    }

    // Field values that are bad whatever else the body says; each tuple says whether the API must refuse it.
    private IEnumerable<(string Description, byte[] Value, bool MustReject)> ValueCases(JsonElement schema)
    {
        var kind = WireSchemas.Kind(schema);
        var format = WireSchemas.Format(schema);
        yield return ("null", RawJson.Text("null"), false);
        if (kind == "any")
        {
            yield break;
        }

        foreach (var wrong in Pick(WrongTypes.Where(value => !SameKind(kind, value)).ToArray(), 2))
        {
            yield return ($"of the wrong type {wrong}", RawJson.Text(wrong), true);
        }

        if (kind is "string" or "enum")
        {
            var control = Pick(ControlCharacters, 2);
            foreach (var character in control)
            {
                yield return ($"with control character U+{(int)character:X4}", RawJson.String($"a{character}b"), true);
            }

            var surrogate = Pick(LoneSurrogates, 1)[0];
            yield return ($"with a lone surrogate {Escaped(surrogate)}", RawJson.String(surrogate), true);
            foreach (var bytes in Pick(InvalidUtf8, 2))
            {
                yield return ($"with invalid UTF-8 {Convert.ToHexString(bytes)}", RawJson.StringWithBytes(bytes), true);
            }
        }

        switch (format)
        {
            case "date":
                foreach (var date in ExtremeDates)
                {
                    yield return ($"the date {date}", RawJson.String(date), true);
                }

                yield return ("a date as 31/12/2030", RawJson.String("31/12/2030"), true);
                break;
            case "date-time":
                foreach (var instant in ExtremeInstants)
                {
                    yield return ($"the instant {instant}", RawJson.String(instant), true);
                }

                yield return ("an instant as 'tomorrow'", RawJson.String("tomorrow"), true);
                break;
            case "uuid":
                yield return ("not a uuid", RawJson.String("not-a-uuid"), true);
                yield return ("an id that names nothing", RawJson.String(NoSuchId), true);
                break;
            case "time":
                yield return ("the time 25:99", RawJson.String("25:99"), true);
                break;
            case "int32":
                foreach (var number in new[] { "2147483648", "-2147483649", "1.5", "1e400" })
                {
                    yield return ($"the number {number}", RawJson.Text(number), true);
                }

                break;
            case "int64":
                foreach (var number in new[] { "9223372036854775808", "1.5", "1e400" })
                {
                    yield return ($"the number {number}", RawJson.Text(number), true);
                }

                break;
        }
    }

    private IEnumerable<BadInputCase> ParameterCases(
        DocumentedOperation operation, HttpMethod method, IReadOnlyDictionary<string, string> path, DocumentedParameter parameter, List<(string Name, byte[] Value)>? body, string? contentType)
    {
        var kind = WireSchemas.Kind(parameter.Schema);
        var format = WireSchemas.Format(parameter.Schema);
        var bodyBytes = body is null ? null : RawJson.Object(Named(body));
        BadInputCase Send(string description, string encoded, bool mustReject)
        {
            var url = parameter.InPath
                ? Url(operation.Template, new Dictionary<string, string>(path) { [parameter.Name] = encoded }, query: null, escaped: parameter.Name)
                : Url(operation.Template, path, $"{parameter.Name}={encoded}");
            return new($"{parameter.In} {parameter.Name} {description}", method, url, bodyBytes, bodyBytes is null ? null : contentType, mustReject);
        }

        if (format == "uuid")
        {
            yield return Send("not a uuid", "not-a-uuid", true);
        }

        if (format is "date" or "date-time")
        {
            foreach (var date in ExtremeDates)
            {
                yield return Send($"the date {date}", date, true);
            }

            yield return Send("a date as 31/12/2030", "31%2F12%2F2030", true);
        }

        if (kind is "integer" or "number")
        {
            yield return Send("not a number", "abc", true);
            yield return Send("too large a number", "99999999999999999999", true);
            yield return Send("a negative number", "-1", false);
        }

        if (kind == "boolean")
        {
            yield return Send("not a boolean", "maybe", true);
        }

        // A NUL in the path never reaches the application: Kestrel and the test server refuse such a request line.
        foreach (var character in Pick(parameter.InPath ? ControlCharacters[1..] : ControlCharacters, 2))
        {
            yield return Send($"with control character U+{(int)character:X4}", "a" + Uri.EscapeDataString(character.ToString()) + "b", true);
        }

        yield return Send("with an encoded lone surrogate", "a%ED%A0%80b", true);
        foreach (var bytes in Pick(InvalidUtf8, 2))
        {
            yield return Send($"with invalid UTF-8 {Convert.ToHexString(bytes)}", "a" + string.Concat(bytes.Select(value => $"%{value:X2}")) + "b", true);
        }

        yield return Send("8 KB long", new string('a', HugeUrlValue), false);
        if (parameter.InQuery)
        {
            yield return Send("empty", "", false);
            yield return Send("extreme instant", Uri.EscapeDataString("9999-12-31T23:59:59Z"), format is "date" or "date-time");
            yield return Send("twice", $"1&{parameter.Name}=2", false);
        }
    }

    private T[] Pick<T>(T[] candidates, int count)
    {
        var picked = new List<T>();
        var pool = candidates.ToList();
        while (picked.Count < count && pool.Count > 0)
        {
            var index = random.Next(pool.Count);
            picked.Add(pool[index]);
            pool.RemoveAt(index);
        }

        return [.. picked];
    }

    private static bool SameKind(string kind, string value) => kind switch
    {
        "string" => value.StartsWith('"'),
        "integer" => value == "123",
        "number" => value is "123" or "-1.5",
        "boolean" => value == "true",
        _ => false,
    };

    private static string Escaped(string text) => string.Concat(text.Select(character => $"\\u{(int)character:x4}"));

    private static List<(string Name, byte[] Value)> With(List<(string Name, byte[] Value)> baseline, string name, byte[] value)
    {
        var fields = baseline.Select(field => field.Name == name ? (field.Name, value) : field).ToList();
        if (!fields.Any(field => field.Name == name))
        {
            fields.Add((name, value));
        }

        return fields;
    }

    private static IEnumerable<(byte[] Name, byte[] Value)> Named(IEnumerable<(string Name, byte[] Value)> fields) =>
        fields.Select(field => (RawJson.String(field.Name), field.Value));

    // The escaped parameter's value is used as given (already percent-encoded); every other value is escaped here.
    private static string Url(string template, IReadOnlyDictionary<string, string> path, string? query, string? escaped = null)
    {
        var url = new StringBuilder(template);
        foreach (var (name, value) in path)
        {
            url.Replace("{" + name + "}", name == escaped ? value : Uri.EscapeDataString(value));
        }

        if (query is not null)
        {
            url.Append('?').Append(query);
        }

        return url.ToString();
    }
}
