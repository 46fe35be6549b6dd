// #customer/<id> opens the customer view; any other hash closes it.
import { hideCustomer, showCustomer } from './customer.js';

export async function loadCustomerRoute() {
  const match = location.hash.match(/^#customer\/(.+)$/);
  if (!match) {
    hideCustomer();
    return;
  }
  const panel = document.getElementById('customer');
  const opening = panel.hidden;
  await showCustomer(decodeURIComponent(match[1]));
  if (opening) panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
}
