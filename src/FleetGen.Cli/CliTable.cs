using FleetGen.Client;

namespace FleetGen.Cli;

/// <summary>A table on stdout, as kubectl prints one: upper-case headers, columns padded to their widest cell, "-" for a missing value.</summary>
internal static class CliTable
{
    public static void Write(CliConsole console, string[] headers, IEnumerable<string?[]> rows)
    {
        var cells = rows.Select(row => row.Select(cell => string.IsNullOrEmpty(cell) ? "-" : SafeText.OneLine(cell)).ToArray()).ToList();
        var widths = headers.Select((header, column) => cells.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        foreach (var row in cells.Prepend(headers))
        {
            console.Out.WriteLine(string.Join("   ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd());
        }
    }
}
