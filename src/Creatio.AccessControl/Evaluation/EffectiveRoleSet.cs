using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>The effective roles <c>E(u)</c> of one user in one snapshot at one instant.</summary>
/// <remarks>Membership tests are O(1); enumeration yields roles first, then users, each ordered by id, and allocates
/// nothing. This type is immutable and safe for concurrent use.</remarks>
public readonly struct EffectiveRoleSet
{
    private readonly EffectiveRoleTable? _table;
    private readonly int _subject;

    internal EffectiveRoleSet(EffectiveRoleTable table, int subject)
    {
        _table = table;
        _subject = subject;
    }

    /// <summary>Gets the number of admin units in the set.</summary>
    public int Count => _table is null ? 0 : _table.Count(_subject);

    /// <summary>Whether the set contains an admin unit.</summary>
    /// <param name="unit">The admin unit.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public bool Contains(AdminUnitId unit) =>
        _table is not null && _table.Units.IndexOf.TryGetValue(unit, out int index) && _table.Contains(_subject, index);

    /// <summary>Returns an enumerator over the set.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_table, _subject);

    /// <summary>Enumerates an <see cref="EffectiveRoleSet"/> without allocating.</summary>
    public struct Enumerator
    {
        private readonly EffectiveRoleTable? _table;
        private readonly int _subject;
        private int _unit;

        internal Enumerator(EffectiveRoleTable? table, int subject)
        {
            _table = table;
            _subject = subject;
            _unit = -1;
        }

        /// <summary>Gets the current admin unit.</summary>
        public readonly AdminUnitId Current => _table!.Units.Ids[_unit];

        /// <summary>Moves to the next admin unit.</summary>
        /// <returns><see langword="false"/> at the end.</returns>
        public bool MoveNext()
        {
            if (_table is null)
            {
                return false;
            }

            int roleCount = _table.Units.RoleCount;
            int next = _unit + 1;
            if (next < roleCount)
            {
                int role = Bits.Next(_table.RolesOf(_subject), next);
                if (role >= 0 && role < roleCount)
                {
                    _unit = role;
                    return true;
                }

                next = roleCount;
            }

            // Users: the next of the subject's own user and the other users in the set.
            int from = next - roleCount;
            int self = _table.SubjectUser[_subject];
            ulong[]? users = _table.UsersOf(_subject);
            int other = users is null ? -1 : Bits.Next(users, from);
            int candidate = self >= from ? self : -1;
            if (other >= 0 && (candidate < 0 || other < candidate))
            {
                candidate = other;
            }

            if (candidate >= 0)
            {
                _unit = roleCount + candidate;
                return true;
            }

            _unit = _table.Units.UnitCount;
            return false;
        }
    }
}
