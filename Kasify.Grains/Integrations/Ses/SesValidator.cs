using System.Text.RegularExpressions;
using Kasify.Grains.CheckIn;
using Kasify.Grains.Interfaces.CheckIn;

namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// The rules the service checks, most of them only asynchronously (a lot answers <c>codigo 0</c> and fails later), so
/// they are enforced before anything is sent. What they ask of people comes from <see cref="TravellerRules"/>, the rules
/// check-in applies before it completes.
/// </summary>
internal static partial class SesValidator
{
    /// <summary>Throws <see cref="SesValidationException"/> listing every rule <paramref name="register"/> breaks.</summary>
    public static void Validate(SesGuestRegister register)
    {
        var errors = new Errors();
        errors.Code("codigoEstablecimiento", register.EstablishmentCode);
        errors.Count("stays", register.Stays.Count);
        for (var s = 0; s < register.Stays.Count; s++)
        {
            var stay = register.Stays[s];
            var path = $"stays[{s}]";
            Contract(errors, path + ".contrato", stay.Contract);
            if (stay.Guests.Count != stay.Contract.People)
            {
                errors.Add(path, "guests.count", $"{stay.Guests.Count} guests for numPersonas {stay.Contract.People}.");
            }

            var reference = DateOnly.FromDateTime(stay.Contract.CheckIn);
            var party = stay.Guests.Select(guest => AsTraveller(guest, guest.BirthDate is { } birth && GuestRules.IsMinor(birth, reference))).ToList();
            for (var g = 0; g < stay.Guests.Count; g++)
            {
                var guest = stay.Guests[g];
                var guestPath = $"{path}.guests[{g}]";
                if (guest.Role != SesRole.Traveller)
                {
                    errors.Add(guestPath + ".rol", "role.traveller", "Every guest of a register has role VI.");
                }

                Person(errors, guestPath, guest, register: true, party[g].IsMinor);
            }

            if (TravellerRules.OwesRelationship(party))
            {
                errors.Add(path, "relationship.minor", "A minor is present, so an adult must carry parentesco.");
            }

            Duplicates(errors, path, party);
        }

        errors.ThrowIfAny();
    }

    /// <summary>Throws <see cref="SesValidationException"/> listing every rule <paramref name="report"/> breaks.</summary>
    public static void Validate(SesBookingReport report)
    {
        var errors = new Errors();
        errors.Count("bookings", report.Bookings.Count);
        for (var b = 0; b < report.Bookings.Count; b++)
        {
            var booking = report.Bookings[b];
            var path = $"bookings[{b}]";
            Establishment(errors, path + ".establecimiento", booking.Establishment);
            Contract(errors, path + ".contrato", booking.Contract);
            var holders = booking.People.Count(p => p.Role == SesRole.Holder);
            if (holders != 1)
            {
                errors.Add(path, "role.holder", $"A booking has exactly one contract holder (TI); found {holders}.");
            }

            for (var p = 0; p < booking.People.Count; p++)
            {
                var person = booking.People[p];
                var personPath = $"{path}.people[{p}]";
                if (person.Role is not (SesRole.Holder or SesRole.Traveller))
                {
                    errors.Add(personPath + ".rol", "role.booking", "People of a booking have role TI or VI.");
                }

                Person(errors, personPath, person, register: false, minor: false);
            }

            Duplicates(errors, path, booking.People.Select(person => AsTraveller(person, isMinor: false)));
        }

        errors.ThrowIfAny();
    }

    /// <summary>Throws <see cref="SesValidationException"/> when the SOAP header values exceed their lengths (10150 and friends).</summary>
    public static void ValidateHeader(string arrendadorCode, string application)
    {
        var errors = new Errors();
        errors.Code("codigoArrendador", arrendadorCode);
        errors.Text("aplicacion", application, SesLimits.Application, required: true);
        errors.ThrowIfAny();
    }

    private static void Establishment(Errors errors, string path, SesEstablishment establishment)
    {
        if (establishment.Code is not null)
        {
            errors.Code(path + ".codigo", establishment.Code);
            if (establishment.Type is not null || establishment.Name is not null || establishment.Address is not null)
            {
                errors.Add(path, "establishment.choice", "Send either the establishment code or its details, not both.");
            }

            return;
        }

        errors.Text(path + ".tipo", establishment.Type, SesLimits.Code, required: true);
        errors.Text(path + ".nombre", establishment.Name, SesLimits.Name, required: true);
        if (establishment.Address is null)
        {
            errors.Add(path + ".direccion", "required", "Required.");
        }
        else
        {
            Address(errors, path + ".direccion", establishment.Address);
        }
    }

    private static void Contract(Errors errors, string path, SesContract contract)
    {
        errors.Text(path + ".referencia", contract.Reference, SesLimits.Reference, required: true);
        if (contract.CheckOut <= contract.CheckIn)
        {
            errors.Add(path + ".fechaSalida", "dates.order", "fechaSalida must be after fechaEntrada.");
        }

        if (contract.People < 1)
        {
            errors.Add(path + ".numPersonas", "people.positive", "numPersonas must be at least 1.");
        }

        if (contract.Rooms is < 1)
        {
            errors.Add(path + ".numHabitaciones", "rooms.positive", "numHabitaciones must be at least 1.");
        }

        var payment = contract.Payment;
        errors.Table(path + ".pago.tipoPago", payment.Type, SesPaymentType.All, required: true);
        errors.Text(path + ".pago.medioPago", payment.Method, SesLimits.PaymentMethod, required: false);
        errors.Text(path + ".pago.titular", payment.Holder, SesLimits.PaymentHolder, required: false);
        if (payment.CardExpiry is not null && !CardExpiry().IsMatch(payment.CardExpiry))
        {
            errors.Add(path + ".pago.caducidadTarjeta", "card-expiry.format", "caducidadTarjeta must be MM/yyyy.");
        }
    }

    private static void Person(Errors errors, string path, SesPerson person, bool register, bool minor)
    {
        errors.Text(path + ".nombre", person.FirstName, SesLimits.Name, required: true);
        errors.Text(path + ".apellido1", person.LastName1, SesLimits.Name, required: true);
        errors.Text(path + ".apellido2", person.LastName2, SesLimits.Name, required: TravellerRules.NeedsSecondLastName(person.DocumentType));
        Document(errors, path, person, register, minor);
        if (register && person.BirthDate is null)
        {
            errors.Add(path + ".fechaNacimiento", "required", "Required.");
        }

        if (person.Nationality is not null && !Alpha3().IsMatch(person.Nationality))
        {
            errors.Add(path + ".nacionalidad", "country.format", "nacionalidad must be an ISO 3166-1 alpha-3 code.");
        }

        errors.Table(path + ".sexo", person.Sex, GuestSex.All, required: false);
        if (person.Address is not null)
        {
            Address(errors, path + ".direccion", person.Address);
        }
        else if (register)
        {
            errors.Add(path + ".direccion", "required", "Required.");
        }

        errors.Text(path + ".telefono", person.Phone, SesLimits.Phone, required: false);
        errors.Text(path + ".telefono2", person.Phone2, SesLimits.Phone, required: false);
        errors.Text(path + ".correo", person.Email, SesLimits.Email, required: false);
        if (!string.IsNullOrEmpty(person.Email) && !Email().IsMatch(person.Email))
        {
            errors.Add(path + ".correo", "email.format", "correo is not an e-mail address.");
        }

        if (!TravellerRules.HasContact(person.Phone, person.Phone2, person.Email))
        {
            errors.Add(path, "contact.required", "At least one of telefono, telefono2 or correo is required.");
        }

        if (register)
        {
            errors.Table(path + ".parentesco", person.Relationship, GuestRelationship.All, required: false);
        }
        else if (person.SupportNumber is not null || person.Relationship is not null)
        {
            errors.Add(path, "booking.fields", "A booking carries neither soporteDocumento nor parentesco.");
        }
    }

    private static void Document(Errors errors, string path, SesPerson person, bool register, bool minor)
    {
        var adult = register && TravellerRules.NeedsDocument(minor);
        errors.Table(path + ".tipoDocumento", person.DocumentType, GuestDocumentType.All, required: adult);
        errors.Text(path + ".numeroDocumento", person.DocumentNumber, SesLimits.DocumentNumber, required: adult || person.DocumentType is not null);
        if (person.DocumentType is null && (person.DocumentNumber is not null || person.SupportNumber is not null))
        {
            errors.Add(path + ".tipoDocumento", "required", "A document number needs its type.");
        }

        if (register)
        {
            errors.Text(
                path + ".soporteDocumento",
                person.SupportNumber,
                SesLimits.SupportNumber,
                required: TravellerRules.NeedsSupportNumber(person.DocumentType));
        }

        // A NIF held by someone of another nationality is reportedly rejected by the service.
        if (!TravellerRules.DocumentFitsNationality(person.DocumentType, person.Nationality))
        {
            errors.Add(path + ".nacionalidad", "document.nif-nationality", "A NIF holder has Spanish nationality (ESP).");
        }

        var number = person.DocumentNumber;
        if (number is not null
            && ((person.DocumentType == GuestDocumentType.Nif && !GuestRules.IsValidNif(number))
                || (person.DocumentType == GuestDocumentType.Nie && !GuestRules.IsValidNie(number))))
        {
            errors.Add(path + ".numeroDocumento", "document.checksum", $"Not a valid {person.DocumentType} number.");
        }
    }

    private static void Address(Errors errors, string path, SesAddress address)
    {
        errors.Text(path + ".direccion", address.Street, SesLimits.AddressLine, required: true);
        errors.Text(path + ".direccionComplementaria", address.Complement, SesLimits.AddressLine, required: false);
        errors.Text(path + ".codigoPostal", address.PostalCode, SesLimits.PostalCode, required: true);
        if (!Alpha3().IsMatch(address.Country ?? ""))
        {
            errors.Add(path + ".pais", "country.format", "pais must be an ISO 3166-1 alpha-3 code.");
        }

        if (TravellerRules.NeedsMunicipalityCode(address.Country))
        {
            if (address.MunicipalityCode is null || !MunicipalityCode().IsMatch(address.MunicipalityCode))
            {
                errors.Add(path + ".codigoMunicipio", "municipality.code", "A Spanish address needs the 5-digit INE municipality code.");
            }
        }
        else
        {
            errors.Text(path + ".nombreMunicipio", address.MunicipalityName, SesLimits.AddressLine, required: true);
            if (address.MunicipalityCode is not null)
            {
                errors.Add(path + ".codigoMunicipio", "municipality.foreign", "A foreign address carries no municipality code.");
            }
        }
    }

    // The service reportedly rejects a communication in which two people share a document number.
    private static void Duplicates(Errors errors, string path, IEnumerable<Traveller> party)
    {
        foreach (var (_, number) in TravellerRules.DuplicateDocuments(party))
        {
            errors.Add(path, "document.duplicate", $"Document {number} appears more than once.");
        }
    }

    private static Traveller AsTraveller(SesPerson person, bool isMinor) => new(isMinor, person.Relationship, person.DocumentType, person.DocumentNumber);

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex Alpha3();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex MunicipalityCode();

    [GeneratedRegex(@"^[^@]+@[^\.]+\..+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^(0[1-9]|1[0-2])/\d{4}$")]
    private static partial Regex CardExpiry();

    private sealed class Errors
    {
        private readonly List<SesRuleViolation> _violations = [];

        public void Add(string path, string rule, string message) => _violations.Add(new(path, rule, message));

        public void Text(string path, string? value, int maxLength, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    Add(path, "required", "Required.");
                }
            }
            else if (value.Length > maxLength)
            {
                Add(path, "length", $"At most {maxLength} characters; got {value.Length}.");
            }
        }

        public void Code(string path, string? value) => Text(path, value, SesLimits.Code, required: true);

        public void Table(string path, string? value, IReadOnlyList<string> table, bool required)
        {
            if (value is null)
            {
                if (required)
                {
                    Add(path, "required", "Required.");
                }
            }
            else if (!table.Contains(value, StringComparer.Ordinal))
            {
                Add(path, "code.unknown", $"'{value}' is not one of {string.Join(", ", table)}.");
            }
        }

        public void Count(string path, int count)
        {
            if (count is < 1 or > SesLimits.MaxCommunications)
            {
                Add(path, "communications.count", $"A request carries 1 to {SesLimits.MaxCommunications} communications; got {count}.");
            }
        }

        public void ThrowIfAny()
        {
            if (_violations.Count > 0)
            {
                throw new SesValidationException(_violations);
            }
        }
    }
}
