using System.Collections.Immutable;
using PhanHoi.Bot.Workflow.Cases;
using PhanHoi.Bot.Workflow.Citizens;

namespace PhanHoi.Bot.Workflow.Desk;

/// <summary>
/// Checks and normalises the sender's phone numbers (E.164) and tax code, so a PAKN from the counter and one from
/// chat are held to the same rules (SPEC §2). Errors name fields as the staff API's JSON does.
/// </summary>
public static class CitizenIdentifiers
{
    public static (CitizenDetails? Citizen, ImmutableDictionary<string, string[]> Errors) Normalise(CitizenDetails citizen, DateOnly today)
    {
        var errors = ImmutableDictionary.CreateBuilder<string, string[]>();
        var phone = Phone(citizen.Phone, "citizen.phone", errors);
        string? taxCode = null;
        if (!string.IsNullOrWhiteSpace(citizen.TaxCode))
        {
            var result = TaxCode.Validate(citizen.TaxCode, today);
            if (result.IsValid)
            {
                taxCode = result.Value!.Value;
            }
            else
            {
                errors["citizen.taxCode"] = [$"The tax code is not valid ({result.Error})."];
            }
        }

        var proxy = citizen.Proxy;
        if (proxy is not null && !string.IsNullOrWhiteSpace(proxy.Phone))
        {
            proxy = proxy with { Phone = Phone(proxy.Phone, "citizen.proxy.phone", errors) };
        }

        return errors.Count > 0
            ? (null, errors.ToImmutable())
            : (citizen with { Phone = phone, TaxCode = taxCode, Proxy = proxy }, errors.ToImmutable());
    }

    private static string Phone(string input, string field, ImmutableDictionary<string, string[]>.Builder errors)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return input;
        }

        var result = PhoneNumber.Validate(input);
        if (result.IsValid)
        {
            return result.Value!.E164;
        }

        errors[field] = [$"The phone number is not a Vietnamese number one can call back ({result.Error})."];
        return input;
    }
}
