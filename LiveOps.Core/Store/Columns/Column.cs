using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;

namespace LiveOps.Core.Store;

/// <summary>The tables the snapshot's columns are read from.</summary>
internal enum Table
{
    /// <summary>One row per customer, in key order.</summary>
    Customers,

    /// <summary>Paid orders, grouped by customer and sorted by time within a customer.</summary>
    Orders,

    /// <summary>Funnel events, grouped by customer and sorted by time within a customer.</summary>
    Events,
}

/// <summary>
/// Declares a snapshot property as a column of <paramref name="table"/> read from <paramref name="source"/>: this one
/// line is all a new column needs (the read from the tables, the grouping, the file and its checks follow from it).
/// </summary>
/// <remarks>
/// The property's type says how the column is held: <c>long[]</c>, <c>sbyte[]</c> for an enum, <c>string[]</c>, and
/// <c>int[]</c> with <see cref="Ids"/> for an id repeated across many rows (each id kept once in the property
/// <see cref="Ids"/> names). A table column that may be NULL is <see cref="Optional"/>: a missing value is then
/// <see cref="DataSnapshot.NoInstant"/>, <see cref="DataSnapshot.None"/>, null or -1 (an id).
/// </remarks>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ColumnAttribute(Table table, string source) : Attribute
{
    public Table Table { get; } = table;

    /// <summary>The table's column, unquoted.</summary>
    public string Source { get; } = source;

    /// <summary>For an <c>int[]</c> column: the <c>string[]</c> property holding the distinct ids it indexes.</summary>
    public string? Ids { get; init; }

    /// <summary>The table column may be NULL (only such columns pay for the check on every row).</summary>
    public bool Optional { get; init; }
}

/// <summary>One declared column: how it is read from a table row, held while rows arrive, and kept in a <see cref="ColumnFile"/>.</summary>
internal abstract class Column
{
    private static readonly ConcurrentDictionary<(Type, Table), Column[]> Declared = new();

    protected Column(PropertyInfo property, string source)
    {
        Property = property;
        Source = source;
    }

    public PropertyInfo Property { get; }

    public string Source { get; }

    /// <summary>The columns <typeparamref name="TOwner"/> declares for <paramref name="table"/>, in declaration order.</summary>
    public static Column[] Of<TOwner>(Table table) => Declared.GetOrAdd((typeof(TOwner), table), key => Declare(key.Item1, key.Item2));

    /// <summary>A new buffer the rows of a table read are appended to.</summary>
    public abstract ColumnBuffer NewBuffer(int capacity);

    /// <summary>Writes this column of <paramref name="owner"/>.</summary>
    public abstract void Write(ColumnFileWriter file, object owner);

    /// <summary>Reads this column into <paramref name="values"/>; returns its length.</summary>
    public abstract int Read(ColumnFileReader file, ColumnValues values);

    private static Column[] Declare(Type owner, Table table)
    {
        return owner.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ColumnAttribute>()))
            .Where(p => p.Attribute?.Table == table)
            .OrderBy(p => p.Property.MetadataToken) // declaration order: the file layout
            .Select(p => Create(owner, p.Property, p.Attribute!))
            .ToArray();
    }

    private static Column Create(Type owner, PropertyInfo property, ColumnAttribute attribute)
    {
        var type = property.PropertyType;
        var optional = attribute.Optional;
        if (attribute.Ids is { } ids)
        {
            return type == typeof(int[]) && owner.GetProperty(ids) is { } idsProperty && idsProperty.PropertyType == typeof(string[])
                ? new InternedColumn(property, attribute.Source, idsProperty, optional)
                : throw new InvalidOperationException($"{owner.Name}.{property.Name}: an id column is an int[] naming a string[] property");
        }
        if (type == typeof(long[]))
        {
            return new ValueColumn<long>(property, attribute.Source, optional, DataSnapshot.NoInstant);
        }
        if (type == typeof(sbyte[]))
        {
            return new ValueColumn<sbyte>(property, attribute.Source, optional, DataSnapshot.None);
        }
        if (type == typeof(string[]))
        {
            return new TextColumn(property, attribute.Source, optional);
        }
        throw new InvalidOperationException($"{owner.Name}.{property.Name}: a column is long[], sbyte[], string[] or an int[] of ids");
    }
}

/// <summary>Rows of one column as they are read, in table order, before they are grouped by customer.</summary>
internal abstract class ColumnBuffer
{
    public abstract void Append(DbDataReader reader, int ordinal);

    /// <summary>The column in the final order: row <c>order[i]</c> becomes row i (or the first <paramref name="count"/> rows as read).</summary>
    public abstract void Finish(int[]? order, int count, ColumnValues values);
}

/// <summary>The arrays a snapshot's columns are assigned from.</summary>
internal sealed class ColumnValues
{
    private readonly Dictionary<PropertyInfo, object> _values = [];

    public void Set(PropertyInfo property, object values) => _values[property] = values;

    public void Merge(ColumnValues other)
    {
        foreach (var (property, values) in other._values)
        {
            _values[property] = values;
        }
    }

    public void AssignTo(object owner)
    {
        foreach (var (property, values) in _values)
        {
            property.SetValue(owner, values);
        }
    }
}

internal sealed class ValueColumn<T>(PropertyInfo property, string source, bool optional, T none)
    : Column(property, source) where T : unmanaged
{
    public override ColumnBuffer NewBuffer(int capacity) => new Buffer(this, capacity);

    public override void Write(ColumnFileWriter file, object owner) => file.Write((T[])Property.GetValue(owner)!);

    public override int Read(ColumnFileReader file, ColumnValues values)
    {
        var column = file.Read<T>();
        values.Set(Property, column);
        return column.Length;
    }

    private sealed class Buffer(ValueColumn<T> column, int capacity) : ColumnBuffer
    {
        private T[] _rows = new T[Math.Max(capacity, 16)];
        private int _count;

        public override void Append(DbDataReader reader, int ordinal)
        {
            if (_count == _rows.Length)
            {
                Array.Resize(ref _rows, _count * 2);
            }
            _rows[_count++] = column._optional && reader.IsDBNull(ordinal) ? column._none : Get(reader, ordinal);
        }

        /// <summary>The values as read so far (the time a grouped table is sorted by).</summary>
        public T[] Rows => _rows;

        // One branch per T, decided when the method is compiled for it: no delegate or boxing per cell.
        private static T Get(DbDataReader reader, int ordinal) =>
            typeof(T) == typeof(long) ? (T)(object)reader.GetInt64(ordinal)
            : typeof(T) == typeof(sbyte) ? (T)(object)(sbyte)reader.GetInt32(ordinal)
            : throw new NotSupportedException(typeof(T).Name);

        public override void Finish(int[]? order, int count, ColumnValues values) => values.Set(column.Property, ColumnRows.Gather(_rows, order, count));
    }

    private readonly bool _optional = optional;
    private readonly T _none = none;

    /// <summary>The values a buffer of this column has read so far.</summary>
    public static T[] RowsOf(ColumnBuffer buffer) => ((Buffer)buffer).Rows;
}

internal static class ColumnRows
{
    /// <summary>Row <c>order[i]</c> of <paramref name="rows"/> as row i, or the first <paramref name="count"/> rows when there is no order.</summary>
    public static TValue[] Gather<TValue>(TValue[] rows, int[]? order, int count)
    {
        if (order is null)
        {
            return rows.Length == count ? rows : rows[..count];
        }
        var result = new TValue[order.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = rows[order[i]];
        }
        return result;
    }
}

internal sealed class TextColumn(PropertyInfo property, string source, bool optional) : Column(property, source)
{
    private bool Optional { get; } = optional;

    public override ColumnBuffer NewBuffer(int capacity) => new Buffer(this, capacity);

    public override void Write(ColumnFileWriter file, object owner) => file.Write((string?[])Property.GetValue(owner)!);

    public override int Read(ColumnFileReader file, ColumnValues values)
    {
        var column = Optional ? file.ReadStrings() : file.ReadIds();
        values.Set(Property, column);
        return column.Length;
    }

    private sealed class Buffer(TextColumn column, int capacity) : ColumnBuffer
    {
        private string?[] _rows = new string?[Math.Max(capacity, 16)];
        private int _count;

        public override void Append(DbDataReader reader, int ordinal)
        {
            if (_count == _rows.Length)
            {
                Array.Resize(ref _rows, _count * 2);
            }
            _rows[_count++] = column.Optional && reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        }

        public override void Finish(int[]? order, int count, ColumnValues values) =>
            values.Set(column.Property, ColumnRows.Gather(_rows, order, count));
    }
}

/// <summary>An id repeated across many rows (a campaign, a live session): each id is stored once and rows keep its index.</summary>
internal sealed class InternedColumn(PropertyInfo property, string source, PropertyInfo ids, bool optional) : Column(property, source)
{
    private PropertyInfo Ids { get; } = ids;

    private bool Optional { get; } = optional;

    public override ColumnBuffer NewBuffer(int capacity) => new Buffer(this, capacity);

    public override void Write(ColumnFileWriter file, object owner)
    {
        file.Write((int[])Property.GetValue(owner)!);
        file.Write((string[])Ids.GetValue(owner)!);
    }

    public override int Read(ColumnFileReader file, ColumnValues values)
    {
        var column = file.Read<int>();
        values.Set(Property, column);
        values.Set(Ids, file.ReadIds());
        return column.Length;
    }

    private sealed class Buffer(InternedColumn column, int capacity) : ColumnBuffer
    {
        private int[] _rows = new int[Math.Max(capacity, 16)];
        private int _count;
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private readonly List<string> _ids = [];

        public override void Append(DbDataReader reader, int ordinal)
        {
            if (_count == _rows.Length)
            {
                Array.Resize(ref _rows, _count * 2);
            }
            _rows[_count++] = column.Optional && reader.IsDBNull(ordinal) ? -1 : Intern(reader.GetString(ordinal));
        }

        private int Intern(string id)
        {
            if (!_indexes.TryGetValue(id, out var index))
            {
                index = _ids.Count;
                _ids.Add(id);
                _indexes.Add(id, index);
            }
            return index;
        }

        public override void Finish(int[]? order, int count, ColumnValues values)
        {
            values.Set(column.Property, ColumnRows.Gather(_rows, order, count));
            values.Set(column.Ids, _ids.ToArray());
        }
    }
}
