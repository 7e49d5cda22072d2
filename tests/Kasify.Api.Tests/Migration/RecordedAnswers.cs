using System.Text.Json;

namespace Kasify.Api.Tests.Migration;

/// <summary>
/// Compares an answer with the one recorded from the fixture's code: every recorded field must come back with the same
/// value (objects may gain fields, arrays keep their length and order), except fields named volatile, which only have
/// to be there.
/// </summary>
internal static class RecordedAnswers
{
    /// <summary>Where <paramref name="actual"/> departs from <paramref name="expected"/>, one line per difference.</summary>
    public static List<string> Differences(JsonElement expected, JsonElement actual, IReadOnlyCollection<string> volatileFields)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", volatileFields, differences);
        return differences;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, IReadOnlyCollection<string> volatileFields, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var field in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(field.Name, out var value))
                    {
                        differences.Add($"{path}.{field.Name}: missing (expected {Show(field.Value)})");
                    }
                    else if (!volatileFields.Contains(field.Name))
                    {
                        Compare(field.Value, value, $"{path}.{field.Name}", volatileFields, differences);
                    }
                }

                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                {
                    differences.Add($"{path}: expected {expectedItems.Count} items, got {actualItems.Count}");
                    return;
                }

                for (var i = 0; i < expectedItems.Count; i++)
                {
                    Compare(expectedItems[i], actualItems[i], $"{path}[{i}]", volatileFields, differences);
                }

                break;
            case JsonValueKind.String:
                if (expected.GetString() != actual.GetString())
                {
                    differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                }

                break;
            case JsonValueKind.Number:
                if (expected.GetDecimal() != actual.GetDecimal())
                {
                    differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                }

                break;
        }
    }

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
