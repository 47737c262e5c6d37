public import ArgumentParser
import Roster
import Station

extension Direction: ExpressibleByArgument {}
extension StaffRole: ExpressibleByArgument {}
extension Station.BatchSelection.Order: ExpressibleByArgument {}
