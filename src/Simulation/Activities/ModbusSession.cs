using AutoRespond.Simulation.Network;
using AutoRespond.Simulation.Protocols;
using static AutoRespond.Simulation.Activities.TlsSessions;

namespace AutoRespond.Simulation.Activities;

/// <summary>A Modbus/TCP client connection to a controller on TCP 502: reads, writes and device identification.</summary>
internal sealed class ModbusSession
{
    private readonly Simulator _sim;
    private readonly PlcIdentity _plc;
    private readonly byte _unit;
    private ushort _transaction;

    private ModbusSession(Simulator sim, TcpConversation connection, PlcIdentity plc, byte unit)
    {
        _sim = sim;
        Connection = connection;
        _plc = plc;
        _unit = unit;
        _transaction = (ushort)sim.Random.Next(1, 2000);
    }

    public TcpConversation Connection { get; }

    public static ModbusSession Connect(Simulator sim, SimHost client, SimHost plc, PlcIdentity identity, DateTimeOffset start, byte unit = 1) =>
        new(sim, sim.Tcp(client, plc, Modbus.Port).At(start).Open(), identity, unit);

    /// <summary>FC 3: <paramref name="count"/> holding registers from <paramref name="address"/>.</summary>
    public ModbusSession ReadRegisters(ushort address, ushort count)
    {
        ushort t = ++_transaction;
        var values = new ushort[count];
        for (int i = 0; i < count; i++) values[i] = (ushort)_sim.Random.Next(0, 4000);
        Connection.Exchange(Modbus.ReadHoldingRegisters(t, _unit, address, count), Modbus.ReadHoldingRegistersResponse(t, _unit, values), Time());
        return this;
    }

    /// <summary>FC 1: <paramref name="count"/> coils from <paramref name="address"/>.</summary>
    public ModbusSession ReadCoils(ushort address, ushort count)
    {
        ushort t = ++_transaction;
        Connection.Exchange(Modbus.ReadCoils(t, _unit, address, count), Modbus.ReadCoilsResponse(t, _unit, count, _sim.Random), Time());
        return this;
    }

    /// <summary>FC 6, echoed by the controller.</summary>
    public ModbusSession WriteRegister(ushort address, ushort value)
    {
        ushort t = ++_transaction;
        byte[] request = Modbus.WriteSingleRegister(t, _unit, address, value);
        Connection.Exchange(request, request, Time());
        return this;
    }

    /// <summary>FC 16.</summary>
    public ModbusSession WriteRegisters(ushort address, IReadOnlyList<ushort> values)
    {
        ushort t = ++_transaction;
        Connection.Exchange(Modbus.WriteMultipleRegisters(t, _unit, address, values),
            Modbus.WriteMultipleRegistersResponse(t, _unit, address, values.Count), Time());
        return this;
    }

    /// <summary>FC 43 / MEI 14: read device identification (basic).</summary>
    public ModbusSession ReadDeviceId()
    {
        ushort t = ++_transaction;
        Connection.Exchange(Modbus.ReadDeviceId(t, _unit), Modbus.ReadDeviceIdResponse(t, _unit, _plc.Vendor, _plc.OrderNumber, _plc.Firmware), Time());
        return this;
    }

    public void Close() => Connection.Close();

    private TimeSpan Time() => Ms(_sim.Random, 1, 6);
}
