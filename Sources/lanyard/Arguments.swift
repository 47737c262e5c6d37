public import ArgumentParser
import Roster
import Station

extension Direction: ExpressibleByArgument {}
extension Station.BatchSelection.Order: ExpressibleByArgument {}
