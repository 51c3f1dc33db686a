-- Employees: the id is the login name. Approval limits apply to managers only.
INSERT INTO employee (id, name, department, role, approval_limit) VALUES
	('alice', 'Alice Archer', 'engineering', 'EMPLOYEE', 0),
	('dave', 'Dave Diaz', 'engineering', 'EMPLOYEE', 0),
	('bob', 'Bob Baker', 'engineering', 'MANAGER', 1000),
	('frank', 'Frank Fischer', 'finance', 'EMPLOYEE', 0),
	('carol', 'Carol Chen', 'finance', 'MANAGER', 5000);

INSERT INTO expense (id, owner, department, amount, currency, description, status, reviewed_by) VALUES
	(1, 'alice', 'engineering', 120.00, 'EUR', 'Team lunch', 'DRAFT', NULL),
	(2, 'alice', 'engineering', 450.00, 'EUR', 'Conference ticket', 'SUBMITTED', NULL),
	(3, 'alice', 'engineering', 2400.00, 'EUR', 'Laptop', 'SUBMITTED', NULL),
	(4, 'alice', 'engineering', 89.90, 'EUR', 'Books', 'APPROVED', 'bob'),
	(5, 'alice', 'engineering', 35.00, 'EUR', 'Taxi to the airport', 'PAID', 'bob'),
	(6, 'dave', 'engineering', 60.00, 'EUR', 'Parking', 'DRAFT', NULL),
	(7, 'dave', 'engineering', 780.00, 'EUR', 'Training course', 'SUBMITTED', NULL),
	(8, 'dave', 'engineering', 310.00, 'EUR', 'Hotel', 'APPROVED', 'bob'),
	(9, 'dave', 'engineering', 1500.00, 'EUR', 'Standing desk', 'REJECTED', 'bob'),
	(10, 'bob', 'engineering', 300.00, 'EUR', 'Client dinner', 'SUBMITTED', NULL),
	(11, 'frank', 'finance', 900.00, 'EUR', 'Accounting software', 'SUBMITTED', NULL),
	(12, 'frank', 'finance', 4200.00, 'EUR', 'Audit seminar', 'SUBMITTED', NULL),
	(13, 'carol', 'finance', 250.00, 'EUR', 'Train tickets', 'APPROVED', 'admin'),
	(14, 'frank', 'finance', 40.00, 'EUR', 'Office supplies', 'DRAFT', NULL),
	(15, 'bob', 'engineering', 1200.00, 'EUR', 'Team offsite venue', 'APPROVED', 'admin'),
	(16, 'dave', 'engineering', 95.00, 'EUR', 'Keyboard', 'SUBMITTED', NULL);

-- New expenses continue after the seeded ids
ALTER TABLE expense ALTER COLUMN id RESTART WITH 100;
