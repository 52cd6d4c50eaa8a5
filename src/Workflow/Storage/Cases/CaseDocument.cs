using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Privacy;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>
/// How a case is kept: the whole case as a JSON document without the citizen's details, which are stored apart,
/// encrypted. The query columns are projections of the same case (<see cref="CaseColumns"/>).
/// </summary>
internal sealed class CaseDocument(IPersonalDataProtector protector)
{
    private static readonly JsonSerializerOptions DocumentOptions = new(StorageJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutCitizen } },
    };

    public string Body(Case stored) => JsonSerializer.Serialize(stored, DocumentOptions);

    public string PersonalData(Case stored) => protector.Protect(JsonSerializer.Serialize(stored.Citizen, StorageJson.Options));

    /// <summary>
    /// The lookup key (<see cref="IPersonalDataProtector.LookupKey"/>) of a phone number as written in any form
    /// (<c>0912 345 678</c>, <c>+84912345678</c>), or null for one that is not a Vietnamese number.
    /// </summary>
    public string? PhoneKey(string? phone) =>
        Citizens.PhoneNumber.Validate(phone) is { Value: { } number } ? PhoneKey(number) : null;

    public string PhoneKey(Citizens.PhoneNumber number) => protector.LookupKey("phone:" + number.E164);

    /// <summary>The lookup keys of the sender's number ('' when it is not one) and of the proxy's (null without a proxy).</summary>
    public (string Citizen, string? Proxy) PhoneKeys(CitizenDetails citizen) =>
        (PhoneKey(citizen.Phone) ?? string.Empty, PhoneKey(citizen.Proxy?.Phone));

    public Case Read(CaseRow row)
    {
        var body = JsonSerializer.Deserialize<Case>(row.Document, DocumentOptions)
            ?? throw new InvalidDataException($"Case {row.Id} has an empty document.");
        var citizen = Citizen(row.Id, row.PersonalData);
        return body with { Citizen = citizen, Version = row.Version };
    }

    /// <summary>The citizen's details of case <paramref name="id"/> from its <c>personal_data</c> column.</summary>
    public CitizenDetails Citizen(Guid id, string personalData) =>
        JsonSerializer.Deserialize<CitizenDetails>(protector.Unprotect(personalData), StorageJson.Options)
            ?? throw new InvalidDataException($"Case {id} has empty personal data.");

    private static void LeaveOutCitizen(JsonTypeInfo info)
    {
        if (info.Type != typeof(Case))
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Name == "citizen")
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}

/// <summary>What is read back to rebuild a case.</summary>
internal sealed class CaseRow
{
    public Guid Id { get; init; }

    public int Version { get; init; }

    public string PersonalData { get; init; } = string.Empty;

    public string Document { get; init; } = string.Empty;
}
