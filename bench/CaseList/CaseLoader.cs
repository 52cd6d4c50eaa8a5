using Npgsql;
using NpgsqlTypes;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Privacy;
using PhanHoi.Bot.Workflow.Storage;

namespace PhanHoi.Bot.Bench.CaseList;

/// <summary>Writes generated cases with binary COPY, through the same column projection the repository uses.</summary>
internal static class CaseLoader
{
    public static async Task LoadAsync(NpgsqlDataSource dataSource, IPersonalDataProtector protector, CaseGenerator generator, int count, Action<int> progress)
    {
        var document = new CaseDocument(protector);
        const int batch = 50_000;
        for (var start = 0; start < count; start += batch)
        {
            var cases = Enumerable.Range(start, Math.Min(batch, count - start)).Select(generator.Next).ToList();
            await using var connection = await dataSource.OpenConnectionAsync();
            await using (var writer = await connection.BeginBinaryImportAsync($"COPY cases ({CaseColumns.InsertColumns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var c in cases)
                {
                    var history = new HistoryEntry(c.Id, c.SubmittedAt, "bench", CaseAction.Submit, null, c.State, null);
                    await WriteAsync(writer, CaseColumns.Of(c, document, history, c.Version - 1));
                }

                await writer.CompleteAsync();
            }

            await using (var writer = await connection.BeginBinaryImportAsync($"COPY case_agencies ({CaseColumns.ScopeColumns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in cases.SelectMany(CaseColumns.Agencies))
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(row.AgencyCode, NpgsqlDbType.Text);
                    await writer.WriteAsync(row.CaseId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(row.SubmittedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(row.State, NpgsqlDbType.Text);
                    await writer.WriteAsync(row.Category, NpgsqlDbType.Text);
                    await Nullable(writer, row.StaffDueBy, NpgsqlDbType.Date);
                }

                await writer.CompleteAsync();
            }

            progress(start + cases.Count);
        }
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter writer, CaseColumns c)
    {
        await writer.StartRowAsync();
        await writer.WriteAsync(c.Id, NpgsqlDbType.Uuid);
        await writer.WriteAsync(c.Code, NpgsqlDbType.Text);
        await writer.WriteAsync(c.State, NpgsqlDbType.Text);
        await writer.WriteAsync(c.Channel, NpgsqlDbType.Text);
        await writer.WriteAsync(c.Category, NpgsqlDbType.Text);
        await writer.WriteAsync(c.ReceivingAgency, NpgsqlDbType.Text);
        await Nullable(writer, c.HandlingAgency, NpgsqlDbType.Text);
        await writer.WriteAsync(c.ReportAgency, NpgsqlDbType.Text);
        await Nullable(writer, c.CitizenChannel, NpgsqlDbType.Text);
        await Nullable(writer, c.CitizenUserId, NpgsqlDbType.Text);
        await writer.WriteAsync(c.Confidential, NpgsqlDbType.Boolean);
        await writer.WriteAsync(c.Content, NpgsqlDbType.Text);
        await writer.WriteAsync(c.SearchText, NpgsqlDbType.Text);
        await writer.WriteAsync(c.SubmittedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        await writer.WriteAsync(c.SubmittedOn, NpgsqlDbType.Date);
        await Nullable(writer, c.AcceptedAt?.UtcDateTime, NpgsqlDbType.TimestampTz);
        await Nullable(writer, c.StartedOn, NpgsqlDbType.Date);
        await Nullable(writer, c.ResolvedAt?.UtcDateTime, NpgsqlDbType.TimestampTz);
        await Nullable(writer, c.ResolvedOn, NpgsqlDbType.Date);
        await Nullable(writer, c.PublishedAt?.UtcDateTime, NpgsqlDbType.TimestampTz);
        await Nullable(writer, c.AnswerDueBy, NpgsqlDbType.Date);
        await Nullable(writer, c.StaffDueBy, NpgsqlDbType.Date);
        await Nullable(writer, c.RebuttalBy, NpgsqlDbType.Date);
        await Nullable(writer, c.RebuttedAt?.UtcDateTime, NpgsqlDbType.TimestampTz);
        await Nullable<short?>(writer, c.Rating is { } r ? (short)r : null, NpgsqlDbType.Smallint);
        await Nullable(writer, c.RemindedOn, NpgsqlDbType.Date);
        await writer.WriteAsync(c.PersonalData, NpgsqlDbType.Text);
        await writer.WriteAsync(c.Document, NpgsqlDbType.Jsonb);
        await writer.WriteAsync(c.Version, NpgsqlDbType.Integer);
    }

    private static Task Nullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, type);
}
