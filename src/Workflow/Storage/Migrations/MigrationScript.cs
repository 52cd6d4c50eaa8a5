using System.Globalization;
using System.Reflection;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>One embedded, versioned schema script: <c>Storage/&lt;Engine&gt;/Migrations/0001_initial.sql</c>.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>The engine's scripts in version order.</summary>
    public static IReadOnlyList<MigrationScript> For(SqlDialect dialect)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = $"{assembly.GetName().Name}.Storage.{dialect.MigrationsFolder}.Migrations.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..^".sql".Length]))
            .OrderBy(s => s.Version)
            .ToList();
        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? scripts
            : throw new InvalidOperationException($"Two {dialect.MigrationsFolder} migrations have version {duplicate.Key}.");
    }

    private static MigrationScript Load(Assembly assembly, string resource, string name)
    {
        var digits = new string(name.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0)
        {
            throw new InvalidOperationException($"Migration '{name}' must start with its version number (0001_...).");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new MigrationScript(int.Parse(digits, CultureInfo.InvariantCulture), name, reader.ReadToEnd());
    }
}
